"use client";

import { useState } from "react";
import { firstRows } from "@/lib/first-rows";
import { showAllClass } from "./show-all-class";

/** firstRows in the browser: the whole list is on the page and the person toggles the rest in place. */
export function useFirstRows<T>(rows: readonly T[], limit: number) {
  const [all, setAll] = useState(false);
  return { ...firstRows(rows, limit, all), all, toggle: () => setAll((a) => !a) };
}

/** The toggle under a list that useFirstRows cut: "Show all 120 rows" / "Show the first 100 only". */
export function ShowAllButton({ all, toggle, showAll, showFirst }: { all: boolean; toggle: () => void; showAll: string; showFirst: string }) {
  return (
    <button type="button" aria-expanded={all} onClick={toggle} className={showAllClass}>
      {all ? showFirst : showAll}
    </button>
  );
}
