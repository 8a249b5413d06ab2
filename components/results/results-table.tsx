"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { saveResult } from "@/lib/results/entry-actions";
import { editableValue, unitLabel } from "@/lib/results/values";
import type { MeasureUnit } from "@/lib/results/values";
import { cn } from "@/components/ui/cn";

type Measure = { id: string; name: string; unit: MeasureUnit; currencyCode: string | null; higherIsBetter: boolean; isMain: boolean };
type Rep = { userId: string; name: string; email: string; teamName: string | null };
type Props = {
  slug: string;
  cycleId: string;
  measures: Measure[];
  reps: Rep[];
  values: { repUserId: string; measureId: string; value: number }[];
};
type CellState = { status: "idle" | "saving" | "error"; message?: string };

const keyOf = (rep: string, measure: string) => `${rep}|${measure}`;

/**
 * Reps by measures for one cycle, each cell a number to type. The grid's keyboard habits: arrow keys move (left and
 * right once the caret is at the edge of the text), Enter saves and moves down, Tab saves and moves right, Escape
 * puts the saved value back. Each change is saved on its own through the chain (and audited); blank clears a value.
 */
export function ResultsTable({ slug, cycleId, measures, reps, values }: Props) {
  const [saved, setSaved] = useState(() => new Map(values.map((v) => [keyOf(v.repUserId, v.measureId), v.value])));
  const [drafts, setDrafts] = useState(new Map<string, string>());
  const [cells, setCells] = useState(new Map<string, CellState>());
  const [announcement, setAnnouncement] = useState("");
  const table = useRef<HTMLTableElement>(null);

  const shown = (key: string) => drafts.get(key) ?? (saved.has(key) ? editableValue(saved.get(key)!) : "");
  const setDraft = (key: string, text: string | undefined) =>
    setDrafts((d) => {
      const next = new Map(d);
      if (text === undefined) next.delete(key);
      else next.set(key, text);
      return next;
    });
  const setCell = (key: string, state: CellState) => setCells((c) => new Map(c).set(key, state));

  async function commit(rep: Rep, measure: Measure) {
    const key = keyOf(rep.userId, measure.id);
    const text = drafts.get(key);
    if (text === undefined) return;
    const before = saved.has(key) ? editableValue(saved.get(key)!) : "";
    if (text.trim() === before) return setDraft(key, undefined);
    setCell(key, { status: "saving" });
    const state = await saveResult(slug, { cycleId, repUserId: rep.userId, measureId: measure.id, value: text });
    if (state.status === "ok") {
      const value = (state.data as { value: number | null }).value;
      setSaved((s) => {
        const next = new Map(s);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      });
      setDraft(key, undefined);
      setCell(key, { status: "idle" });
      setAnnouncement(`Saved ${rep.name}’s ${measure.name}${value === null ? ": cleared" : `: ${value}`}.`);
    } else if (state.status === "error") {
      const message = state.fieldErrors?.value ?? state.message;
      setCell(key, { status: "error", message });
      toast.error(`${rep.name}, ${measure.name}: ${message}`);
    }
  }

  function focusCell(row: number, col: number) {
    const r = Math.max(0, Math.min(reps.length - 1, row));
    const c = Math.max(0, Math.min(measures.length - 1, col));
    const input = table.current?.querySelector<HTMLInputElement>(`[data-cell="${r}:${c}"]`);
    input?.focus();
    input?.select();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, col: number, rep: Rep, measure: Measure) {
    const input = event.currentTarget;
    const key = keyOf(rep.userId, measure.id);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    switch (event.key) {
      case "ArrowUp":
        event.preventDefault();
        return focusCell(row - 1, col);
      case "ArrowDown":
        event.preventDefault();
        return focusCell(row + 1, col);
      case "ArrowLeft":
        if (!atStart && !whole) return;
        event.preventDefault();
        return focusCell(row, col - 1);
      case "ArrowRight":
        if (!atEnd && !whole) return;
        event.preventDefault();
        return focusCell(row, col + 1);
      case "Enter":
        event.preventDefault();
        if (row === reps.length - 1) return void commit(rep, measure);
        return focusCell(row + 1, col); // leaving the cell saves it
      case "Escape":
        event.preventDefault();
        setDraft(key, undefined);
        setCell(key, { status: "idle" });
        return;
    }
  }

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg scroll-cue-x bg-white ring-1 ring-slate-200">
        <table ref={table} className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Results by rep and measure. Arrow keys move between cells; Enter saves and moves down; Escape undoes.</caption>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase"
              >
                Rep
              </th>
              {measures.map((m) => (
                <th
                  key={m.id}
                  scope="col"
                  className="bg-slate-50 px-3 py-2.5 text-right text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase"
                >
                  {m.name}
                  <span className="block text-[11px] font-normal tracking-normal text-slate-500 normal-case">
                    {unitLabel(m)} · {m.higherIsBetter ? "higher is better" : "lower is better"}
                    {m.isMain ? " · main" : ""}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {reps.map((rep, row) => (
              <tr key={rep.userId}>
                <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                  {rep.name}
                  <span className="block text-xs font-normal text-slate-500">{rep.teamName ?? "No team"}</span>
                </th>
                {measures.map((measure, col) => {
                  const key = keyOf(rep.userId, measure.id);
                  const cell = cells.get(key);
                  const errorId = cell?.status === "error" ? `result-error-${row}-${col}` : undefined;
                  return (
                    <td key={measure.id} className="px-2 py-1.5 text-right">
                      <input
                        data-cell={`${row}:${col}`}
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={`${rep.name}, ${measure.name}`}
                        aria-invalid={cell?.status === "error" ? true : undefined}
                        aria-describedby={errorId}
                        value={shown(key)}
                        onChange={(e) => setDraft(key, e.target.value)}
                        onFocus={(e) => e.currentTarget.select()}
                        onBlur={() => void commit(rep, measure)}
                        onKeyDown={(e) => onKeyDown(e, row, col, rep, measure)}
                        className={cn(
                          "w-28 rounded-md border-0 px-2 py-1.5 text-right text-sm tabular-nums ring-1 ring-slate-200 ring-inset focus:ring-2 focus:ring-brand-600",
                          cell?.status === "saving" && "bg-slate-50 text-slate-500",
                          cell?.status === "error" && "bg-red-50 ring-red-400",
                          drafts.has(key) && cell?.status !== "error" && "bg-amber-50",
                        )}
                      />
                      {errorId && (
                        <span id={errorId} className="sr-only">
                          {cell?.message}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
