import { sortFn_alphanumeric } from "@tanstack/react-table";

/** A row's value in the sorted column: text (natural order), a number, or undefined (no value). */
export type SortValue = string | number | undefined;

/** Natural, case-insensitive text order ("Rep 2" before "Rep 10"): TanStack Table's alphanumeric comparison. */
const compareText = sortFn_alphanumeric.sort as (a: string, b: string) => number;

function compare(a: string | number, b: string | number): number {
  if (typeof a === "string" && typeof b === "string") return compareText(a.toLowerCase(), b.toLowerCase());
  return a === b ? 0 : a > b ? 1 : -1;
}

/**
 * The rows in the order of one column, as TanStack Table's sorted row model gives them for a column with
 * `sortUndefined: "last"` (the grid sorted with it before; tests/unit/grid-sort-rows.test.ts compares the two): a row
 * without a value goes last in either direction, and rows that tie keep their order.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, desc: boolean): T[] {
  const keyed = rows.map((row, index) => ({ row, index, value: value(row) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
    const order = compare(a.value, b.value);
    return (desc ? -order : order) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
