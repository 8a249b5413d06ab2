"use client";

import type { Virtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";

/** Columns: rep (0), self-assessment status (1), the behaviours (from 2), the average (last). */
export const FIRST = 2;

/** A cell's part in the keyboard: its address, whether it is the tab stop, and making it active. */
export type CellProps = (row: number, col: number) => { "data-cell": string; tabIndex: number; onClick(): void; onFocus(): void };

type Options = {
  gridRef: RefObject<HTMLTableElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Rep rows shown, and average rows under them. */
  rows: number;
  footers: number;
  columns: number;
  /** Enter or Space on a column header. */
  onSort(col: number): void;
  /** 1-5 (a score), Delete or Backspace (null) on a rep's score cell; `column` counts the behaviours from 0. */
  onScore(row: number, column: number, score: number | null): void;
  /** Enter on a rep's score cell. */
  onEnter(row: number, column: number): void;
};

/**
 * The grid's keyboard (WAI-ARIA grid pattern): one tab stop, the active cell; arrow keys, Home/End (with Ctrl: the
 * first or last rep) and Page Up/Down move; Enter or Space on a column header sorts; Enter follows a row header's link
 * or presses a status cell's button. Grid rows: -1 is the header, then the reps, then the average rows. The active
 * row is scrolled into view (rows are virtualised) and its cell focused while the grid has focus.
 */
export function useGridKeyboard({ gridRef, virtualizer, rows, footers, columns, onSort, onScore, onEnter }: Options) {
  const [active, setActive] = useState({ row: 0, col: 1 });
  const hasFocus = useRef(false);
  const lastRow = rows + footers - 1;

  useEffect(() => {
    if (active.row >= 0 && active.row < rows) virtualizer.scrollToIndex(active.row, { align: "auto" });
    if (!hasFocus.current) return;
    const frame = requestAnimationFrame(() => {
      gridRef.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [active, rows, virtualizer, gridRef]);

  function onKeyDown(event: KeyboardEvent) {
    const { row, col } = active;
    const move = (r: number, c: number) => {
      event.preventDefault();
      setActive({ row: Math.max(-1, Math.min(lastRow, r)), col: Math.max(0, Math.min(columns - 1, c)) });
    };
    switch (event.key) {
      case "ArrowUp":
        return move(row - 1, col);
      case "ArrowDown":
        return move(row + 1, col);
      case "ArrowLeft":
        return move(row, col - 1);
      case "ArrowRight":
        return move(row, col + 1);
      case "Home":
        return move(event.ctrlKey ? 0 : row, 0);
      case "End":
        return move(event.ctrlKey ? rows - 1 : row, columns - 1);
      case "PageDown":
        return move(row + 10, col);
      case "PageUp":
        return move(row - 10, col);
    }
    if (row === -1 && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      return onSort(col);
    }
    if (row < 0 || row >= rows) return;
    if (event.key === "Enter" && (col === 0 || col === 1)) {
      // The row header's link (the rep's baseline) and the status cell's reminder button act on Enter.
      const inner = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"] a, [data-cell="${row}:${col}"] button`);
      if (inner) {
        event.preventDefault();
        inner.click();
      }
      return;
    }
    const column = col - FIRST;
    if (column < 0 || col === columns - 1 || event.metaKey || event.ctrlKey || event.altKey) return;
    if (event.key === "Enter") {
      event.preventDefault();
      return onEnter(row, column);
    }
    if (/^[1-5]$/.test(event.key) || event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onScore(row, column, /^[1-5]$/.test(event.key) ? Number(event.key) : null);
    }
  }

  const cellProps: CellProps = (row, col) => ({
    "data-cell": `${row}:${col}`,
    tabIndex: active.row === row && active.col === col ? 0 : -1,
    onClick: () => setActive({ row, col }),
    onFocus: () => {
      hasFocus.current = true;
      if (active.row !== row || active.col !== col) setActive({ row, col });
    },
  });

  return { onKeyDown, cellProps, setActive };
}
