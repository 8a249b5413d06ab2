"use client";

import { useMemo, useState } from "react";
import type { AssessmentStatus } from "@/lib/assessments/visibility";
import type { Average, GridBehaviour, GridRep } from "@/lib/grid/compact";
import type { GridRow } from "./cell-text";
import { BANDS, type Band } from "./heatmap";
import { sortRows, type SortValue } from "./sort-rows";

const STATUS_ORDER: AssessmentStatus[] = ["not_started", "draft", "submitted", "shared"];

/** Show the reps with a score in `band` for `behaviour` ("any": for any behaviour); no band: every rep. */
export type BandFilter = { behaviour: string; band: Band | "" };
export type SortDirection = "ascending" | "descending" | "none";
/** The sorted column ("rep", "status", a behaviour's id, "average"); null: the reps in the loader's order. */
type Sorting = { id: string; desc: boolean } | null;

/**
 * The grid's rep rows as shown: each rep with its cells (`scores`, from the dense cells), those the band filter
 * keeps, in the order of the sorted column (sortRows). A column sorts first descending (the rep's name ascending),
 * then the other way, then not at all.
 */
export function useGridRows(reps: GridRep[], behaviours: GridBehaviour[], scores: (number | null)[], byRep: Record<string, Average>) {
  const width = behaviours.length;
  const [sorting, setSorting] = useState<Sorting>(null);
  const [filter, setFilter] = useState<BandFilter>({ behaviour: "any", band: "" });

  const filtered: GridRow[] = useMemo(
    () =>
      reps
        .map((rep, index) => ({ ...rep, index, scores: scores.slice(index * width, (index + 1) * width) }))
        .filter((row) => {
          if (!filter.band) return true;
          const test = BANDS[filter.band].test;
          const columns = filter.behaviour === "any" ? behaviours.map((_, j) => j) : [behaviours.findIndex((b) => b.id === filter.behaviour)];
          return columns.some((j) => test(row.scores[j] ?? null));
        }),
    [reps, behaviours, width, scores, filter],
  );

  const rows = useMemo(() => {
    if (!sorting) return filtered;
    const { id } = sorting;
    const j = behaviours.findIndex((b) => b.id === id);
    const value = (row: GridRow): SortValue =>
      id === "rep"
        ? row.name
        : id === "status"
          ? STATUS_ORDER.indexOf(row.status)
          : id === "average"
            ? (byRep[row.userId]?.average ?? undefined)
            : (row.scores[j] ?? undefined);
    return sortRows(filtered, value, sorting.desc);
  }, [filtered, sorting, behaviours, byRep]);

  function sortBy(columnId: string) {
    setSorting((now) => {
      const first = columnId !== "rep"; // descending first, but the names
      if (now?.id !== columnId) return { id: columnId, desc: first };
      return now.desc === first ? { id: columnId, desc: !now.desc } : null;
    });
  }

  const sortState = (columnId: string): SortDirection => (sorting?.id !== columnId ? "none" : sorting.desc ? "descending" : "ascending");

  return { rows, filter, setFilter, sortBy, sortState };
}
