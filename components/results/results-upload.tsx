"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { downloadCsv } from "@/components/people-import/download";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-header";
import { idle, type ActionState } from "@/lib/chain/outcome";
import { readChosenFile } from "@/lib/people-import/decode";
import { previewResultsUpload, uploadResults } from "@/lib/results/upload-actions";
import type { ResultsPreview } from "@/lib/results/preview";
import { RESULT_FILE_LIMITS, RESULT_TEMPLATE_ROWS } from "@/lib/results/upload-file";
import { UploadPreviewTable } from "./upload-preview-table";

type Props = {
  slug: string;
  cycles: { id: string; name: string; status: string }[];
  cycleId: string | null;
  measures: { id: string; name: string }[];
  isAdmin: boolean;
};
type Source = { text: string; label: string };
type Written = { new: number; changed: number; unchanged: number; changedAny: boolean };

function refusal(state: ActionState<unknown>): string | null {
  if (state.status !== "error") return null;
  return state.fieldErrors ? (state.fieldErrors.content ?? Object.values(state.fieldErrors)[0]!) : state.message;
}

const rowsWord = (n: number) => (n === 1 ? "1 row" : `${n.toLocaleString("en")} rows`);

/**
 * Upload results from a spreadsheet: choose the cycle and the file (or paste rows), read the preview of every row,
 * fix the file while any row has an error, then confirm. The file's text goes to the server for the preview and again
 * for the confirm; the server checks every row afresh each time and writes nothing until the confirm.
 */
export function ResultsUpload({ slug, cycles, cycleId: initialCycle, measures, isAdmin }: Props) {
  const [cycleId, setCycleId] = useState(initialCycle ?? cycles[0]?.id ?? "");
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ResultsPreview | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  function runPreview(next: Source, cycle = cycleId) {
    setSource(next);
    setProblem(null);
    setWritten(null);
    startTransition(async () => {
      const form = new FormData();
      form.set("cycleId", cycle);
      form.set("content", next.text);
      const state = await previewResultsUpload(slug, idle, form);
      if (state.status === "ok") setPreview(state.data);
      else {
        setPreview(null);
        setProblem(refusal(state));
      }
    });
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    const read = await readChosenFile(file, RESULT_FILE_LIMITS.bytes, "an upload");
    if (!read.ok) {
      setPreview(null);
      setProblem(read.message);
      return;
    }
    runPreview({ text: read.text, label: file.name });
  }

  function runConfirm() {
    if (!source || !preview) return;
    startTransition(async () => {
      const form = new FormData();
      form.set("cycleId", preview.cycle.id);
      form.set("content", source.text);
      form.set("digest", preview.digest);
      const state = await uploadResults(slug, idle, form);
      if (state.status === "ok") {
        setWritten(state.data);
        return;
      }
      const fresh = state.status === "error" ? (state.details as { preview?: ResultsPreview } | undefined)?.preview : undefined;
      if (fresh) setPreview(fresh);
      setProblem(refusal(state));
    });
  }

  function restart() {
    setSource(null);
    setPreview(null);
    setWritten(null);
    setProblem(null);
    setPasted("");
    if (fileInput.current) fileInput.current.value = "";
  }

  const counts = preview?.counts;
  const toWrite = counts ? counts.new + counts.changed : 0;

  return (
    <div className="space-y-6">
      {!written && (
        <Panel
          title="1. Choose the cycle and the file"
          description={
            <>
              A CSV with the columns <strong>rep email, measure, value</strong> (any order, any case), as Excel, Numbers or Google Sheets save it,
              with commas or semicolons; or paste the rows. Values may be written “12.5” or “12,5”, “85%” for a percent measure, with thousands
              separators. Measures: {measures.map((m) => m.name).join(", ")}.{" "}
              {isAdmin ? "Any rep of the organisation." : "Reps of the teams you lead."} Up to {RESULT_FILE_LIMITS.rows.toLocaleString("en")} rows.
            </>
          }
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-4">
              <SelectField
                label="Cycle"
                name="cycleId"
                value={cycleId}
                onChange={(e) => {
                  setCycleId(e.target.value);
                  if (source) runPreview(source, e.target.value);
                }}
              >
                {cycles.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.status === "open" ? " (open)" : ""}
                  </option>
                ))}
              </SelectField>
              <div className="space-y-1.5">
                <label htmlFor="results-file" className="block text-sm font-medium text-slate-800">
                  Spreadsheet file (CSV)
                </label>
                <input
                  id="results-file"
                  ref={fileInput}
                  type="file"
                  accept=".csv,.tsv,.txt,text/csv,text/plain"
                  // Emptied as the dialog opens: choosing the same file again, once fixed, is read again.
                  onClick={(e) => {
                    e.currentTarget.value = "";
                  }}
                  onChange={(e) => void onFile(e.target.files?.[0])}
                  className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-4 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700"
                />
              </div>
              <button
                type="button"
                className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                onClick={() => downloadCsv("results-template.csv", RESULT_TEMPLATE_ROWS)}
              >
                Download the template
              </button>
            </div>
            <div className="space-y-3">
              <TextAreaField
                label="Or paste rows from a spreadsheet"
                name="pasted"
                rows={4}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
                placeholder={"rep email\tmeasure\tvalue\navery@company.com\tQuota attainment\t92%"}
                hint="Copy the cells with their header row and paste them here."
              />
              <Button variant="secondary" disabled={!pasted.trim() || pending} onClick={() => runPreview({ text: pasted, label: "the pasted rows" })}>
                Preview the pasted rows
              </Button>
            </div>
          </div>
          {pending && !preview && (
            <p role="status" className="mt-4 text-sm text-slate-600">
              Reading {source?.label ?? "the file"}…
            </p>
          )}
          {problem && !preview && (
            <p role="alert" aria-label="File refused" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {problem}
            </p>
          )}
        </Panel>
      )}

      {preview && counts && source && !written && (
        <Panel title={`2. Check the preview: ${source.label}, ${preview.cycle.name}`}>
          <div className="space-y-4">
            <p className="text-sm text-slate-700" data-testid="preview-summary">
              {rowsWord(preview.rows.length)}: {counts.new} new, {counts.changed} changed, {counts.unchanged} unchanged
              {counts.error > 0 ? `, ${counts.error} with errors` : ""}.
              {preview.ignoredColumns.length > 0 && ` Ignored columns: ${preview.ignoredColumns.join(", ")}.`}
            </p>
            {counts.error > 0 ? (
              <p role="alert" aria-label="Rows with errors" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
                Fix the {rowsWord(counts.error)} with errors in your file, then choose it again. Nothing is saved until every row is right.
              </p>
            ) : toWrite === 0 ? (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
                No changes: every value in this file is already saved.
              </p>
            ) : null}
            {problem && (
              <p role="alert" aria-label="Upload refused" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
                {problem}
              </p>
            )}
            <UploadPreviewTable preview={preview} />
            <div className="flex flex-wrap gap-3">
              <Button onClick={runConfirm} disabled={pending || counts.error > 0}>
                {pending ? "Saving…" : toWrite === 0 ? "Confirm (no changes)" : `Save ${toWrite === 1 ? "1 value" : `${toWrite} values`}`}
              </Button>
              <Button variant="secondary" onClick={restart} disabled={pending}>
                Start again
              </Button>
            </div>
          </div>
        </Panel>
      )}

      {written && preview && (
        <Panel title="Done">
          <p role="status" className="text-sm text-slate-800">
            {written.changedAny
              ? `Saved for ${preview.cycle.name}: ${written.new} new, ${written.changed} changed, ${written.unchanged} unchanged.`
              : `No changes: every value in this file was already saved for ${preview.cycle.name}.`}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={`/o/${slug}/results?cycle=${preview.cycle.id}`} className={buttonClasses("primary")}>
              See the results
            </Link>
            <Button variant="secondary" onClick={restart}>
              Upload another file
            </Button>
          </div>
        </Panel>
      )}
    </div>
  );
}
