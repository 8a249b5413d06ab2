"use client";

import Link from "next/link";
import { useState } from "react";
import { ExpiryOptions } from "@/components/invites/invite-fields";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/page-header";
import { useUploadPreview, type UploadSource } from "@/components/ui/use-upload-preview";
import { idle } from "@/lib/chain/outcome";
import { confirmImport, previewImport } from "@/lib/people-import/actions";
import type { ImportResult } from "@/lib/people-import/apply";
import { IMPORT_COLUMNS, IMPORT_LIMITS, TEMPLATE_ROWS, formatBytes } from "@/lib/people-import/format";
import type { ImportPreview } from "@/lib/people-import/preview";
import { downloadCsv } from "./download";
import { PreviewTable } from "./preview-table";

type Props = {
  slug: string;
  isAdmin: boolean;
  ledTeams: string[];
  mailConfigured: boolean;
};

const people = (n: number) => (n === 1 ? "1 person" : `${n.toLocaleString("en")} people`);
const teamsWord = (n: number) => (n === 1 ? "1 team" : `${n} teams`);

/**
 * Import people from a spreadsheet: choose a file (or paste rows), read the preview of every row, fix what is wrong
 * (the rows with errors download as a CSV to fix and upload again), then confirm. The file's text goes to the server
 * twice, for the preview and for the confirm, and the server decides every row afresh each time.
 */
export function PeopleImport({ slug, isAdmin, ledTeams, mailConfigured }: Props) {
  const [apply, setApply] = useState<Set<string>>(new Set());
  const [sendEmail, setSendEmail] = useState(mailConfigured);
  const [expiresInHours, setExpiresInHours] = useState("168");
  const { source, preview, result, problem, notice, pending, pasted, setPasted, fileInputProps, previewPasted, runConfirm, restart } =
    useUploadPreview({
      maxBytes: IMPORT_LIMITS.bytes,
      what: "an import",
      preview: (form) => previewImport(slug, idle, form),
      confirm: (form) => {
        for (const email of apply) form.append("apply", email);
        form.set("sendEmail", sendEmail ? "on" : "off");
        form.set("expiresInHours", expiresInHours);
        return confirmImport(slug, idle, form); // on success the preview stays: its rows with errors download after the import too
      },
      onPreview: () => setApply(new Set()),
    });

  const who = isAdmin
    ? "Admins, leaders and reps, into any team; teams that do not exist yet are created."
    : `Reps, into the ${ledTeams.length === 1 ? "team" : "teams"} you lead${ledTeams.length ? `: ${ledTeams.join(", ")}` : ""}.`;

  return (
    <div className="space-y-6">
      {!result && (
        <Panel
          title="1. Choose the file"
          description={
            <>
              A CSV with the columns <strong>{IMPORT_COLUMNS.join(", ")}</strong> (any order, any case), as Excel, Numbers or Google Sheets save it,
              with commas or semicolons; or paste the rows. Role is admin, leader or rep; a leader may lead several teams, separated by “|”. Up to{" "}
              {IMPORT_LIMITS.rows.toLocaleString("en")} people and {formatBytes(IMPORT_LIMITS.bytes)}. {who}
            </>
          }
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-3">
              <label htmlFor="people-file" className="block text-sm font-medium text-slate-800">
                Spreadsheet file (CSV)
              </label>
              <input
                id="people-file"
                {...fileInputProps}
                className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-4 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700"
              />
              <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
                <button
                  type="button"
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  onClick={() => downloadCsv("people-template.csv", TEMPLATE_ROWS)}
                >
                  Download the template
                </button>
                <a href={`/o/${slug}/members/export`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Export the people you manage
                </a>
              </div>
            </div>
            <div className="space-y-3">
              <TextAreaField
                label="Or paste rows from a spreadsheet"
                name="pasted"
                rows={4}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
                placeholder={"name\temail\trole\tteam\nAna Díaz\tana.diaz@company.com\trep\tTeam East"}
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
          {problem && (
            <p role="alert" aria-label="File refused" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {problem}
            </p>
          )}
        </Panel>
      )}

      {preview && source && !result && (
        <PreviewPanel
          preview={preview}
          source={source}
          apply={apply}
          setApply={setApply}
          isAdmin={isAdmin}
          notice={notice}
          pending={pending}
          sendEmail={sendEmail}
          setSendEmail={setSendEmail}
          mailConfigured={mailConfigured}
          expiresInHours={expiresInHours}
          setExpiresInHours={setExpiresInHours}
          onConfirm={runConfirm}
        />
      )}

      {result && <ResultPanel slug={slug} result={result} skipped={preview?.rows.filter((r) => r.status === "error") ?? []} onRestart={restart} />}
    </div>
  );
}

type PreviewPanelProps = {
  preview: ImportPreview;
  source: UploadSource;
  apply: Set<string>;
  setApply: (apply: Set<string>) => void;
  isAdmin: boolean;
  notice: string | null;
  pending: boolean;
  sendEmail: boolean;
  setSendEmail: (on: boolean) => void;
  mailConfigured: boolean;
  expiresInHours: string;
  setExpiresInHours: (hours: string) => void;
  onConfirm: () => void;
};

function PreviewPanel(props: PreviewPanelProps) {
  const { preview, source, apply, setApply, isAdmin, notice, pending } = props;
  const { counts } = preview;
  const updates = preview.rows.filter((r) => r.status === "update").map((r) => r.email);
  const toApply = updates.filter((e) => apply.has(e)).length;
  const nothing = counts.invite === 0 && toApply === 0;
  const problems = preview.rows.filter((r) => r.status === "error" || r.status === "refused");
  const action = [
    counts.invite ? `Invite ${people(counts.invite)}` : null,
    preview.newTeams.length ? `create ${teamsWord(preview.newTeams.length)}` : null,
    toApply ? `change ${people(toApply)}` : null,
  ]
    .filter(Boolean)
    .join(", ");

  return (
    <Panel title="2. Check the preview" description={`Nothing is written until you confirm. Read from ${source.label}.`}>
      <div className="space-y-5">
        <dl aria-label="Summary" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Count label="To invite" value={counts.invite} />
          <Count label="New teams" value={preview.newTeams.length} detail={preview.newTeams.join(", ")} />
          <Count label="Members who differ" value={counts.update} />
          <Count label="No change" value={counts.unchanged} />
          <Count label="Errors" value={counts.error} tone={counts.error ? "red" : undefined} />
          {counts.refused > 0 && <Count label="Not allowed" value={counts.refused} tone="red" />}
        </dl>
        {preview.ignoredColumns.length > 0 && <p className="text-sm text-slate-600">Ignored columns: {preview.ignoredColumns.join(", ")}.</p>}
        {problems.length > 0 && (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
            <p>
              {problems.length === 1 ? "1 row cannot be imported" : `${problems.length} rows cannot be imported`} as{" "}
              {problems.length === 1 ? "it is" : "they are"}
              {counts.refused ? "." : ": the others can. Download them with the reason, fix them and upload that file."}
            </p>
            <Button variant="secondary" size="sm" onClick={() => downloadRowsToFix(problems)}>
              Download the rows to fix
            </Button>
          </div>
        )}
        {isAdmin && updates.length > 0 && (
          <label className="flex items-center gap-2 text-sm text-slate-900">
            <input
              type="checkbox"
              checked={toApply === updates.length}
              onChange={(e) => setApply(new Set(e.target.checked ? updates : []))}
              className="h-4 w-4 accent-brand-600"
            />
            Apply all {updates.length} differences to existing members (role, team, teams led). Unticked, they stay as they are.
          </label>
        )}
        <PreviewTable
          preview={preview}
          apply={apply}
          canApply={isAdmin}
          onApply={(email, on) => {
            const next = new Set(apply);
            if (on) next.add(email);
            else next.delete(email);
            setApply(next);
          }}
        />
        <ConfirmBar {...props} nothing={nothing} action={action} />
        {notice && (
          <p role="alert" aria-label="Import refused" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
            {notice}
          </p>
        )}
        {pending && (
          <p role="status" className="text-sm text-slate-600">
            Working…
          </p>
        )}
      </div>
    </Panel>
  );
}

function ConfirmBar({
  preview,
  pending,
  sendEmail,
  setSendEmail,
  mailConfigured,
  expiresInHours,
  setExpiresInHours,
  onConfirm,
  nothing,
  action,
}: PreviewPanelProps & { nothing: boolean; action: string }) {
  if (preview.counts.refused > 0) {
    return (
      <p role="alert" aria-label="Import not allowed" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
        This file has rows you may not import (marked “Not allowed”), so it cannot be imported. Remove them, or ask an admin to import it.
      </p>
    );
  }
  if (nothing) {
    return (
      <p role="status" aria-label="Nothing to import" className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
        Nothing to import: everyone in this file is already in place
        {preview.counts.error ? " or has an error to fix" : ""}.
      </p>
    );
  }
  return (
    <div className="space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 className="text-sm font-semibold text-slate-900">3. Confirm</h3>
      {preview.counts.invite > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Invite links expire after"
            name="expiresInHours"
            value={expiresInHours}
            onChange={(e) => setExpiresInHours(e.target.value)}
          >
            <ExpiryOptions />
          </SelectField>
          <label className="flex items-start gap-2 self-end text-sm text-slate-900">
            <input type="checkbox" checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)} className="mt-0.5 h-4 w-4 accent-brand-600" />
            <span>
              Email each new person their invitation
              <span className="block text-xs text-slate-500">
                {mailConfigured
                  ? "Unticked, you download the links instead (shown once)."
                  : "Email is not set up on this server: untick to download the links instead (shown once)."}
              </span>
            </span>
          </label>
        </div>
      )}
      <Button onClick={onConfirm} disabled={pending}>
        {pending ? "Importing…" : `${action}`}
      </Button>
    </div>
  );
}

function Count({ label, value, detail, tone }: { label: string; value: number; detail?: string; tone?: "red" }) {
  return (
    <div className={tone === "red" ? "rounded-md bg-red-50 p-3 ring-1 ring-red-200" : "rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value.toLocaleString("en")}</dd>
      {detail && (
        <dd className="mt-0.5 truncate text-xs text-slate-600" title={detail}>
          {detail}
        </dd>
      )}
    </div>
  );
}

/** The rows that could not be imported, with their reason in an "error" column the import ignores. */
function downloadRowsToFix(rows: ImportPreview["rows"]) {
  downloadCsv("people-to-fix.csv", [
    [...IMPORT_COLUMNS, "error"],
    ...rows.map((r) => [r.cells.name, r.cells.email, r.cells.role, r.cells.team, r.note]),
  ]);
}

function ResultPanel({
  slug,
  result,
  skipped,
  onRestart,
}: {
  slug: string;
  result: ImportResult;
  skipped: ImportPreview["rows"];
  onRestart: () => void;
}) {
  const lines = [
    result.invited ? `${people(result.invited)} invited${result.emailed ? ": each gets their invitation by email" : ""}.` : null,
    result.teamsCreated.length ? `${teamsWord(result.teamsCreated.length)} created: ${result.teamsCreated.join(", ")}.` : null,
    result.updated ? `${people(result.updated)} already in the organisation changed.` : null,
    result.leftAsTheyAre ? `${people(result.leftAsTheyAre)} who differ left as they are.` : null,
    result.errors ? `${result.errors === 1 ? "1 row" : `${result.errors} rows`} with errors skipped.` : null,
  ].filter((l): l is string => Boolean(l));
  const downloadLinks = () =>
    downloadCsv("invite-links.csv", [
      [...IMPORT_COLUMNS, "invite link"],
      ...result.links.map((l) => [l.name, l.email, l.role, l.team, `${window.location.origin}${l.path}`]),
    ]);
  return (
    <Panel title="Imported">
      <div
        role="status"
        aria-label="Import done"
        className="space-y-1 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-950 ring-1 ring-emerald-200"
      >
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {result.links.length > 0 && (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <p>The invite links were not emailed. Download them now and send each person theirs: for security they are shown only once.</p>
          <Button size="sm" onClick={downloadLinks}>
            Download the invite links
          </Button>
        </div>
      )}
      {skipped.length > 0 && (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
          <p>
            Fix the {skipped.length === 1 ? "row" : `${skipped.length} rows`} with errors and import {skipped.length === 1 ? "it" : "them"} next.
          </p>
          <Button variant="secondary" size="sm" onClick={() => downloadRowsToFix(skipped)}>
            Download the rows to fix
          </Button>
        </div>
      )}
      <div className="mt-5 flex flex-wrap gap-3">
        <Link href={`/o/${slug}/teams`} className={buttonClasses("secondary")}>
          See the teams
        </Link>
        <Link href={`/o/${slug}/invites`} className={buttonClasses("secondary")}>
          See the invites
        </Link>
        <Button variant="ghost" onClick={onRestart}>
          Import another file
        </Button>
      </div>
    </Panel>
  );
}
