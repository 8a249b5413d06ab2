import type { Metadata } from "next";
import Link from "next/link";
import { GridToolbar } from "@/components/grid/grid-toolbar";
import { RatingGrid } from "@/components/grid/rating-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadGridPage } from "@/lib/grid/loaders";

export const metadata: Metadata = { title: "Grid" };

export default async function GridPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const page = await loadGridPage(slug, await searchParams);
  const { grid, cycle } = page;
  return (
    <>
      <PageHeader
        title="Grid"
        description={
          cycle
            ? `${cycle.name} · ${cycle.status === "open" ? "Rate each rep 1 to 5: arrow keys move, 1–5 rates, Delete clears." : `This cycle is ${cycle.status}: read-only.`}`
            : "Rate every rep on every behaviour, 1 to 5."
        }
      />
      <GridToolbar teams={page.teams} cycles={page.cycles} teamId={page.teamId} cycleId={cycle?.id ?? null} canChooseAllTeams={page.canChooseAllTeams} />
      {!cycle ? (
        <EmptyState title="No assessment cycle yet">
          Ratings belong to a cycle such as “Q1 2027”. An admin creates and opens one on the <Link className="font-medium text-brand-700 underline" href={`/o/${page.slug}/cycles`}>Cycles</Link> page.
        </EmptyState>
      ) : !grid ? (
        <EmptyState title="You lead no team yet">An admin can make you the leader of a team.</EmptyState>
      ) : grid.reps.length === 0 || grid.behaviours.length === 0 ? (
        <EmptyState title={grid.reps.length === 0 ? "No reps in this team yet" : "No behaviours to rate"}>
          {grid.reps.length === 0 ? "Invite reps from the Invite links page." : "Add behaviours on the Framework page."}
        </EmptyState>
      ) : (
        <RatingGrid
          key={`${cycle.id}:${page.teamId ?? "all"}`}
          slug={page.slug}
          cycleId={cycle.id}
          editable={grid.editable}
          showTeam={page.teamId === null}
          behaviours={grid.behaviours}
          reps={grid.reps}
          cells={grid.cells}
          averages={grid.averages}
          organisation={grid.organisation}
        />
      )}
    </>
  );
}
