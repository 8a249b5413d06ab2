import "server-only";
import { memberLoader } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { gridCsv, gridCsvFileName } from "./csv";
import { decodeGrid, parseGrid } from "./compact";
import { loadGridData } from "./grid-data";
import { GRID_PAGE_SIZE, gridPageSchema } from "./views";

const allow = ["admin", "leader", "coLeader", "otherLeader"] as const;

/**
 * The grid page, in the view the URL asks for (leader ratings by default), its grid in the compact form the page
 * sends to the browser. Eight queries for the leader view, whatever the size (see loadGridData); none beyond the
 * session and the membership while the organisation's data has not changed since (cachePerRevision).
 */
export const loadGridPage = memberLoader(
  {
    route: "/o/[slug]/grid",
    permission: "grid.view",
    input: gridPageSchema,
    expect: { allow: [...allow] },
    cachePerRevision: true,
  },
  (ctx, input) => loadGridData(ctx, input, { pageSize: GRID_PAGE_SIZE }),
);

/** GET /o/{slug}/grid/export: the same grid, same view and numbers, as a CSV file. */
export const loadGridExport = memberLoader(
  {
    route: "/o/[slug]/grid/export",
    permission: "grid.view",
    input: gridPageSchema,
    expect: { allow: [...allow] },
  },
  async (ctx, input) => {
    const data = await loadGridData(ctx, input);
    if (!data.cycle) throw new Refusal("not_found");
    return {
      fileName: gridCsvFileName(data.slug, data.cycle.name, data.view),
      csv: gridCsv({ teamId: data.teamId, grid: data.grid && decodeGrid(parseGrid(data.grid.payload)) }),
    };
  },
);
