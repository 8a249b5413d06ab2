import type { Metadata } from "next";
import Link from "next/link";
import { FinishRoundButton } from "@/components/calibration/finish-round-button";
import { RoundRaters } from "@/components/calibration/round-raters";
import { RoundAgreement } from "@/components/calibration/round-agreement";
import { RoundProgress } from "@/components/calibration/round-progress";
import { SecondRatingForm } from "@/components/calibration/second-rating-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadRound } from "@/lib/calibration/round-loaders";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Calibration round" };

export default async function RoundPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  const page = await loadRound(slug, { roundId });
  const finished = page.round.finishedAt !== null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Calibration round: ${page.round.cycleName}`}
        description={
          <>
            Started {formatDate(page.round.createdAt, page.timeZone)}. {finished ? <Badge>Finished</Badge> : <Badge tone="blue">In progress</Badge>}
          </>
        }
        actions={
          <>
            <Link href={`/o/${page.slug}/calibration`} className={buttonClasses("secondary")}>
              How leaders rate
            </Link>
            {page.admin && !finished && <FinishRoundButton slug={page.slug} roundId={page.round.id} />}
          </>
        }
      />
      {page.toRate.length > 0 && (
        <Panel
          title="Your second ratings"
          description="Rate each rep as you would your own, from what you know of their work. You do not see their leader's score, nor they yours, until both are in; your scores never change their grid or what they see."
        >
          <div className="space-y-3">
            {page.toRate.map((rep) => (
              <details key={rep.repUserId} open={!finished && page.toRate.length <= 5} className="rounded-md ring-1 ring-slate-200">
                <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">
                  {rep.repName}{" "}
                  <span className="font-normal text-slate-500">
                    · {rep.teamName} · {rep.rated} of {page.behaviourCount} rated
                  </span>
                </summary>
                <div className="p-3 pt-0">
                  <SecondRatingForm slug={page.slug} roundId={page.round.id} rep={rep} behaviours={page.behaviours} finished={finished} />
                </div>
              </details>
            ))}
          </div>
        </Panel>
      )}
      {page.admin && page.agreement && (
        <>
          <Panel
            title="Agreement"
            description={`Computed only where both ratings of a rep on a behaviour are in, and shown from ${page.rule.minReps} reps rated twice.`}
          >
            <RoundAgreement slug={page.slug} agreement={page.agreement} rule={page.rule} />
          </Panel>
          <Panel
            title="Who rates higher"
            description="Each rater's scores against the other rating of the same rep and behaviour, where both are in."
          >
            <RoundRaters raters={page.raters} rule={page.rule} />
          </Panel>
          <Panel title="Progress" description="Behaviours rated by the second rater and by the rep's leader, per sampled rep.">
            <RoundProgress progress={page.progress} behaviourCount={page.behaviourCount} />
          </Panel>
        </>
      )}
    </div>
  );
}
