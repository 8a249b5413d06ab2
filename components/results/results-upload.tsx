"use client";

import Link from "next/link";
import { useState } from "react";
import { downloadCsv } from "@/components/people-import/download";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-header";
import { useUploadPreview } from "@/components/ui/use-upload-preview";
import { idle } from "@/lib/chain/outcome";
import { previewResultsUpload, uploadResults } from "@/lib/results/upload-actions";
import { RESULT_FILE_LIMITS, RESULT_TEMPLATE_ROWS } from "@/lib/results/upload-file";
import { UploadPreviewTable } from "./upload-preview-table";

type Props = {
  slug: string;
  cycles: { id: string; name: string; status: string }[];
  cycleId: string | null;
  measures: { id: string; name: string }[];
  isAdmin: boolean;
};

const rowsWord = (n: number) => (n === 1 ? "1 row" : `${n.toLocaleString("en")} rows`);

/**
 * Upload results from a spreadsheet: choose the cycle and the file (or paste rows), read the preview of every row,
 * fix the file while any row has an error, then confirm. The file's text goes to the server for the preview and again
 * for the confirm; the server checks every row afresh each time and writes nothing until the confirm.
 */
export function ResultsUpload({ slug, cycles, cycleId: initialCycle, measures, isAdmin }: Props) {
  const [cycleId, setCycleId] = useState(initialCycle ?? cycles[0]?.id ?? "");
  // The preview in a given cycle: a change of cycle previews the same file again in the cycle just chosen.
  const previewIn = (cycle: string) => (form: FormData) => {
    form.set("cycleId", cycle);
    return previewResultsUpload(slug, idle, form);
  };
  const { source, preview, result, problem, notice, pending, pasted, setPasted, fileInputProps, runPreview, previewPasted, runConfirm, restart } =
    useUploadPreview({
      maxBytes: RESULT_FILE_LIMITS.bytes,
      what: "an upload",
      preview: previewIn(cycleId),
      confirm: (form, { cycle }) => {
        form.set("cycleId", cycle.id);
        return uploadResults(slug, idle, form);
      },
    });

  const counts = preview?.counts;
  const toWrite = counts ? counts.new + counts.changed : 0;

  return (
    <div className="space-y-6">
      {!result && (
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
                  if (source) runPreview(source, previewIn(e.target.value));
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
                  {...fileInputProps}
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
              <Button variant="secondary" disabled={!pasted.trim() || pending} onClick={previewPasted}>
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

      {preview && counts && source && !result && (
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
            {notice && (
              <p role="alert" aria-label="Upload refused" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
                {notice}
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

      {result && preview && (
        <Panel title="Done">
          <p role="status" className="text-sm text-slate-800">
            {result.changedAny
              ? `Saved for ${preview.cycle.name}: ${result.new} new, ${result.changed} changed, ${result.unchanged} unchanged.`
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
