import type { Metadata } from "next";
import Link from "next/link";
import { GridPagination } from "@/components/grid/grid-pagination";
import { GridToolbar } from "@/components/grid/grid-toolbar";
import { RatingGrid } from "@/components/grid/rating-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadGridPage } from "@/lib/grid/loaders";
import { GRID_VIEW_LABEL } from "@/lib/grid/views";

/** Only the grid prints landscape. */
const PRINT_CSS = "@media print { @page { size: landscape; margin: 10mm; } }";

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
  const { grid, cycle, view } = page;
  const previous = "previousCycle" in page ? page.previousCycle : null;
  const repPage = "repPage" in page ? page.repPage : null;
  const how =
    view === "leader"
      ? cycle?.status === "open"
        ? "Rate each rep 1 to 5: arrow keys move, 1–5 rates, Delete clears."
        : `This cycle is ${cycle?.status}: read-only.`
      : view === "self"
        ? "Each rep's own ratings, read-only. With blind mode on, a rep's self ratings show once they submit."
        : view === "gap"
          ? "Self minus leader, read-only: +2 means the rep rates themselves two points higher than you do."
          : previous
            ? `Your rating now minus your rating in ${previous.name}, read-only.`
            : "There is no earlier cycle to compare with.";
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        title={view === "leader" ? "Grid" : `Grid · ${GRID_VIEW_LABEL[view]}`}
        description={cycle ? `${cycle.name} · ${how}` : "Rate every rep on every behaviour, 1 to 5."}
      />
      <GridToolbar
        slug={page.slug}
        teams={page.teams}
        cycles={page.cycles}
        teamId={page.teamId}
        cycleId={cycle?.id ?? null}
        view={view}
        canChooseAllTeams={page.canChooseAllTeams}
      />
      {!cycle ? (
        <EmptyState title="No assessment cycle yet">
          Ratings belong to a cycle such as “Q1 2027”. An admin creates and opens one on the{" "}
          <Link className="font-medium text-brand-700 underline" href={`/o/${page.slug}/cycles`}>
            Cycles
          </Link>{" "}
          page.
        </EmptyState>
      ) : !grid ? (
        <EmptyState title="You lead no team yet">An admin can make you the leader of a team.</EmptyState>
      ) : grid.repCount === 0 || grid.behaviourCount === 0 ? (
        <EmptyState title={grid.repCount === 0 ? "No reps in this team yet" : "No behaviours to rate"}>
          {grid.repCount === 0 ? "Invite reps from the Invite links page." : "Add behaviours on the Framework page."}
        </EmptyState>
      ) : (
        <>
          {repPage && (
            <GridPagination slug={page.slug} query={{ team: page.teamId ?? "all", cycle: cycle.id, view }} page={repPage} shown={grid.repCount} />
          )}
          <RatingGrid
            key={`${cycle.id}:${page.teamId ?? "all"}:${view}:${repPage?.number ?? 1}`}
            slug={page.slug}
            cycleId={cycle.id}
            view={view}
            previousCycleName={previous?.name ?? null}
            canRemind={cycle.status === "open"}
            editable={grid.editable}
            showTeam={page.teamId === null}
            grid={grid.payload}
          />
        </>
      )}
    </>
  );
}
