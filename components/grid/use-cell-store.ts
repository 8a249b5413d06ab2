"use client";

import { useEffect, useReducer, useRef, useState } from "react";
import { toast } from "sonner";
import { rateRep } from "@/lib/grid/actions";
import type { GridModel } from "@/lib/grid/compact";
import { cellReducer, initialCells, type CellStatus } from "./cell-store";

type Cell = { score: number | null; version: number };
type Ended = Exclude<CellStatus, "pending">;

/**
 * The leader grid's cells (cellReducer) and their saves. A save is optimistic: the cell shows the score at once, and
 * carries the version the grid knows; the answer settles it (saved, conflict, refused, failed: see cell-store.ts).
 * Saves of one cell go one after another, each with the version the one before left, so quick edits of a cell never
 * refuse each other as if someone else had saved; an edit typed while an earlier one hit someone else's value is
 * dropped (its cell shows their value). A failed save says so (not as a conflict), and is tried again with Enter on
 * the cell, by typing the score again, or with the toast's "Try again"; leaving the page then asks first.
 */
export function useCellStore(slug: string, cycleId: string, grid: GridModel) {
  const [cells, dispatch] = useReducer(cellReducer, grid, initialCells);
  const [announcement, setAnnouncement] = useState("");
  const width = grid.behaviours.length;
  /** What the server holds as far as this grid knows, for the cells saved since it loaded. */
  const known = useRef(new Map<number, Cell>());
  /** Per cell, its latest save (queued or in flight) and how it ends. */
  const queue = useRef(new Map<number, Promise<Ended>>());
  const edits = useRef(0);
  /**
   * Per cell, the toast its last save raised. Each toast gets a fresh id: raising it again under the cell's id just
   * after dismissing that id let sonner close a failure's toast, "Try again" and all, within seconds.
   */
  const toasts = useRef(new Map<number, string | number>());
  const dismissToast = (id: number) => {
    const shown = toasts.current.get(id);
    if (shown !== undefined) toast.dismiss(shown);
    toasts.current.delete(id);
  };

  const failed = [...cells.marks.values()].some((m) => m.status === "failed");
  useEffect(() => {
    if (!failed) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [failed]);

  async function send(id: number, edit: number, score: number | null): Promise<Ended> {
    const rep = grid.reps[Math.floor(id / width)]!;
    const behaviour = grid.behaviours[id % width]!;
    const before = known.current.get(id) ?? { score: grid.scores[id] ?? null, version: grid.versions[id] ?? 0 };
    const what = `${rep.name} · ${behaviour.name}`;
    let result: Awaited<ReturnType<typeof rateRep>> | undefined;
    try {
      result = await rateRep(slug, { cycleId, repUserId: rep.userId, behaviourId: behaviour.id, score, expectedVersion: before.version });
    } catch {
      result = undefined;
    }
    if (result?.status === "ok") {
      known.current.set(id, result.data);
      dispatch({
        type: "saved",
        id,
        edit,
        place: { repUserId: rep.userId, teamId: rep.teamId, behaviourId: behaviour.id },
        before: before.score,
        score: result.data.score,
      });
      dismissToast(id);
      setAnnouncement(`Saved: ${rep.name}, ${behaviour.name}: ${score ?? "cleared"}.`);
      return "saved";
    }
    if (result?.status === "error") {
      const current = result.code === "conflict" ? (result.details as { current?: Cell } | undefined)?.current : undefined;
      if (current) known.current.set(id, current);
      dispatch({ type: current ? "conflict" : "refused", id, edit, score: (current ?? before).score });
      dismissToast(id);
      toasts.current.set(id, toast.error(result.message));
      setAnnouncement(`Not saved: ${result.message}`);
      return current ? "conflict" : "refused";
    }
    // No answer: the network, or the server, failed. Nothing says the server holds anything else.
    dispatch({ type: "failed", id, edit });
    dismissToast(id);
    // It stays until the save is tried again or the cell changes: the value is not saved until then.
    const shown = toast.error(`Couldn't save ${what}: ${score ?? "cleared"}`, {
      description: "Check your connection, then try again. The cell keeps your value, marked not saved.",
      duration: Infinity,
      action: { label: "Try again", onClick: () => void save(id, score, true) },
    });
    toasts.current.set(id, shown);
    setAnnouncement(`Not saved: ${what}. Check your connection; press Enter on the cell to try again.`);
    return "failed";
  }

  /** Sets cell `id` to `score` (null clears it); `again` sends it even if the cell already shows it (a retry). */
  async function save(id: number, score: number | null, again = false) {
    const mark = cells.marks.get(id)?.status;
    if (!again && cells.scores[id] === score && mark !== "failed") return;
    const edit = ++edits.current;
    dispatch({ type: "edit", id, edit, score });
    dismissToast(id); // what the cell's last save said no longer holds
    const ahead = queue.current.get(id);
    const run = (async (): Promise<Ended> => {
      if ((await ahead) !== "conflict") return send(id, edit, score);
      dispatch({ type: "conflict", id, edit, score: known.current.get(id)?.score ?? null });
      return "conflict";
    })();
    queue.current.set(id, run);
    await run;
    if (queue.current.get(id) === run) queue.current.delete(id);
  }

  /** Enter on a cell whose save failed sends its value again. */
  function retry(id: number) {
    if (cells.marks.get(id)?.status === "failed") void save(id, cells.scores[id] ?? null, true);
  }

  return { cells, save, retry, announcement };
}
