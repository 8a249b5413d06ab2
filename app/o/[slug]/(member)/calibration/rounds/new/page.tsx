import type { Metadata } from "next";
import Link from "next/link";
import { StartRoundForm } from "@/components/calibration/start-round-form";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadNewRound } from "@/lib/calibration/round-loaders";

export const metadata: Metadata = { title: "New calibration round" };

export default async function NewRoundPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ size?: string | string[] }>;
}) {
  const { slug } = await params;
  const { size } = await searchParams;
  const page = await loadNewRound(slug, { size: typeof size === "string" ? size : undefined });
  return (
    <div className="space-y-6">
      <PageHeader
        title="New calibration round"
        description="A second leader rates a sample of each team's reps on every behaviour, blind: neither rater sees the other's score until both are in. Second ratings never change the grid, the averages or the coaching queue, and reps never see them."
        actions={
          <Link href={`/o/${page.slug}/calibration`} className={buttonClasses("secondary")}>
            Back to how leaders rate
          </Link>
        }
      />
      {!page.cycle ? (
        <EmptyState title="No open cycle">A round compares second ratings with the leader ratings of the open cycle. Open a cycle first.</EmptyState>
      ) : page.teams.length === 0 ? (
        <EmptyState title="No team has reps">Add reps to a team, then start a round.</EmptyState>
      ) : (
        <>
          <Panel
            title="Sample size"
            description={`Per team: a number of reps ("4") or a share ("30%"). Never fewer than ${page.minPerTeam} reps per team when the team has them. The reps are drawn at random; draw again for another sample.`}
          >
            <form method="get" className="flex flex-wrap items-end gap-3">
              <div className="space-y-1.5">
                <label htmlFor="size" className="block text-sm font-medium text-slate-800">
                  Reps per team
                </label>
                <input
                  id="size"
                  name="size"
                  defaultValue={page.size}
                  className="block w-32 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
                  aria-describedby={page.sizeRejected ? "size-error" : undefined}
                />
              </div>
              <button type="submit" className={buttonClasses("secondary")}>
                Draw the sample
              </button>
              {page.sizeRejected && (
                <p id="size-error" className="w-full text-sm text-red-700">
                  Enter a whole number of reps (like 4) or a share (like 30%). The sample below uses {page.size}.
                </p>
              )}
            </form>
          </Panel>
          <Panel title={`Proposal for ${page.cycle.name}`} description="Change the sample or the second rater of any team before you start.">
            <StartRoundForm page={{ ...page, cycle: page.cycle }} />
          </Panel>
        </>
      )}
    </div>
  );
}
