import {
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sortRows, type SortValue } from "@/components/grid/sort-rows";

type Row = { id: number; name: string; score: number | undefined };

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const columns: ColumnDef<typeof features, Row>[] = [
  { id: "name", accessorFn: (row) => row.name, sortFn: "alphanumeric" },
  { id: "score", accessorFn: (row) => row.score, sortFn: "basic", sortUndefined: "last" },
];

/** The order TanStack Table's sorted row model gives, with the grid's former column definitions (rendered once, on the server). */
function tanstackOrder(rows: Row[], sorting: SortingState): number[] {
  let ids: number[] = [];
  function Probe() {
    const table = useTable({ features, columns, data: rows, state: { sorting } });
    ids = table.getRowModel().rows.map((row) => row.original.id);
    return null;
  }
  renderToStaticMarkup(createElement(Probe));
  return ids;
}

const order = (rows: Row[], value: (row: Row) => SortValue, desc: boolean) => sortRows(rows, value, desc).map((row) => row.id);
const byName = (row: Row) => row.name;
const byScore = (row: Row) => row.score;

describe("sortRows", () => {
  const rows: Row[] = [
    { id: 0, name: "rep 10", score: 3 },
    { id: 1, name: "Rep 2", score: undefined },
    { id: 2, name: "ana", score: 5 },
    { id: 3, name: "Bea", score: 3 },
    { id: 4, name: "Rep 2", score: undefined },
  ];

  it("orders names naturally and without regard to case; equal names keep their order", () => {
    expect(order(rows, byName, false)).toEqual([2, 3, 1, 4, 0]);
    expect(order(rows, byName, true)).toEqual([0, 1, 4, 3, 2]);
  });

  it("puts rows without a value last in both directions; ties keep their order", () => {
    expect(order(rows, byScore, false)).toEqual([0, 3, 2, 1, 4]);
    expect(order(rows, byScore, true)).toEqual([2, 0, 3, 1, 4]);
  });

  it("gives TanStack Table's order for any rows, column and direction", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9 éÉ]{0,8}$/);
    const row = fc.record({ name, score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.constantFrom("name", "score"), fc.boolean(), (list, column, desc) => {
        const rows = list.map((r, id) => ({ ...r, id }));
        expect(order(rows, column === "name" ? byName : byScore, desc)).toEqual(tanstackOrder(rows, [{ id: column, desc }]));
      }),
      { numRuns: 300 },
    );
  });
});
