"use client";

import { useState } from "react";

/** Hiding a row or two saves nothing and reads oddly: a list is cut only when more than this many would be hidden. */
const WORTH_HIDING = 2;

/**
 * The first `limit` rows of a long list until the person asks for all of them: a 50-team organisation's tables
 * open on the rows that matter most (the caller sorts them) instead of rendering every row up front.
 */
export function useFirstRows<T>(rows: readonly T[], limit: number) {
  const [all, setAll] = useState(false);
  const cut = rows.length - limit > WORTH_HIDING;
  return { shown: cut && !all ? rows.slice(0, limit) : rows, cut, all, toggle: () => setAll((a) => !a) };
}

/** The toggle under a list that useFirstRows cut: "Show all 50 teams" / "Show the 10 weakest only". */
export function ShowAllButton({ all, toggle, showAll, showFirst }: { all: boolean; toggle: () => void; showAll: string; showFirst: string }) {
  return (
    <button type="button" aria-expanded={all} onClick={toggle} className="mt-3 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
      {all ? showFirst : showAll}
    </button>
  );
}
