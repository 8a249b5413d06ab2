"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ShowAllButton, useFirstRows } from "@/components/ui/show-all";
import { Table, Td, Th } from "@/components/ui/table";
import type { ImportPreview, PreviewRow } from "@/lib/people-import/preview";
import type { RowStatus } from "@/lib/people-import/plan";

const IMPORT_ROW_STATUS_LABEL: Record<RowStatus, string> = {
  invite: "Will invite",
  update: "Member, differs",
  unchanged: "No change",
  error: "Error",
  refused: "Not allowed",
};
const IMPORT_ROW_STATUS_TONE = {
  invite: "green",
  update: "amber",
  unchanged: "neutral",
  error: "red",
  refused: "red",
} as const;

/** The rows that need a look come first: errors and refusals, then differences, then invitations, then the rest. */
const ORDER: RowStatus[] = ["refused", "error", "update", "invite", "unchanged"];
const FILTERS: { key: RowStatus | "all"; label: string }[] = [
  { key: "all", label: "All" },
  { key: "error", label: "Errors" },
  { key: "refused", label: "Not allowed" },
  { key: "update", label: "Differences" },
  { key: "invite", label: "To invite" },
  { key: "unchanged", label: "No change" },
];

type Props = {
  preview: ImportPreview;
  /** Addresses of the members whose differences will be applied. */
  apply: ReadonlySet<string>;
  onApply: (email: string, on: boolean) => void;
  canApply: boolean;
};

/** Every row of the file with its status and what will happen, filterable by status, long lists cut at 100 rows. */
export function PreviewTable({ preview, apply, onApply, canApply }: Props) {
  const [filter, setFilter] = useState<RowStatus | "all">("all");
  const counts = { all: preview.rows.length, ...preview.counts } as Record<RowStatus | "all", number>;
  const sorted = [...preview.rows].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.row - b.row);
  const rows = filter === "all" ? sorted : sorted.filter((r) => r.status === filter);
  const { shown, cut, all, toggle } = useFirstRows(rows, 100);

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Show rows" className="flex flex-wrap gap-2">
        {FILTERS.filter((f) => f.key === "all" || counts[f.key] > 0).map((f) => (
          <button
            key={f.key}
            type="button"
            aria-pressed={filter === f.key}
            onClick={() => setFilter(f.key)}
            className="rounded-full px-3 py-1 text-sm ring-1 ring-slate-300 ring-inset aria-pressed:bg-slate-900 aria-pressed:text-white aria-pressed:ring-slate-900"
          >
            {f.label} <span className="tabular-nums">({counts[f.key]})</span>
          </button>
        ))}
      </div>
      {/* A phone gets each row as a card, the note in full; wider screens the table. */}
      <ul aria-label="Rows of the file" className="space-y-2 sm:hidden">
        {shown.map((r) => (
          <PreviewCard key={r.row} row={r} applied={apply.has(r.email)} onApply={onApply} canApply={canApply} />
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table caption="Rows of the file">
          <thead>
            <tr>
              <Th className="w-14">Row</Th>
              <Th>Person</Th>
              <Th>Role and team</Th>
              <Th>Status</Th>
              <Th className="min-w-64">What happens</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r) => (
              <PreviewLine key={r.row} row={r} applied={apply.has(r.email)} onApply={onApply} canApply={canApply} />
            ))}
          </tbody>
        </Table>
      </div>
      {cut && <ShowAllButton all={all} toggle={toggle} showAll={`Show all ${rows.length} rows`} showFirst="Show the first 100 only" />}
    </div>
  );
}

type RowProps = { row: PreviewRow; applied: boolean; onApply: Props["onApply"]; canApply: boolean };

/** A row's note, the teams it creates, and for a member who differs the choice to apply it (on a card and in the table). */
function WhatHappens({ row, applied, onApply, canApply }: RowProps) {
  return (
    <>
      <p>{row.note}</p>
      {row.newTeams.length > 0 && <p className="mt-1 text-xs text-emerald-800">Creates {row.newTeams.join(", ")}.</p>}
      {row.status === "update" && canApply && (
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-900">
          <input type="checkbox" checked={applied} onChange={(e) => onApply(row.email, e.target.checked)} className="h-4 w-4 accent-brand-600" />
          Apply this change
        </label>
      )}
    </>
  );
}

function PreviewCard({ row, applied, onApply, canApply }: RowProps) {
  const { cells } = row;
  return (
    <li data-status={row.status} className="rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-slate-500">Row {row.row}</span>
        <Badge tone={IMPORT_ROW_STATUS_TONE[row.status]}>{IMPORT_ROW_STATUS_LABEL[row.status]}</Badge>
      </div>
      <p className="mt-1 font-medium text-slate-900">{cells.name || "No name"}</p>
      <p className="text-xs break-all text-slate-600">{cells.email || "No email"}</p>
      <p className="mt-1 text-xs text-slate-600">
        {[cells.role || "No role", row.teams.length ? row.teams.join(", ") : cells.team].filter(Boolean).join(" · ")}
      </p>
      <div className="mt-2 text-slate-800">
        <WhatHappens row={row} applied={applied} onApply={onApply} canApply={canApply} />
      </div>
    </li>
  );
}

function PreviewLine({ row, applied, onApply, canApply }: RowProps) {
  const { cells } = row;
  return (
    <tr data-status={row.status}>
      <Td className="text-slate-500 tabular-nums">{row.row}</Td>
      <Td>
        <div className="font-medium text-slate-900">{cells.name || <span className="text-slate-500">No name</span>}</div>
        <div className="text-xs break-all text-slate-500">{cells.email || "No email"}</div>
      </Td>
      <Td>
        <div>{cells.role || <span className="text-slate-500">No role</span>}</div>
        <div className="text-xs text-slate-500">{row.teams.length ? row.teams.join(", ") : cells.team}</div>
      </Td>
      <Td>
        <Badge tone={IMPORT_ROW_STATUS_TONE[row.status]}>{IMPORT_ROW_STATUS_LABEL[row.status]}</Badge>
      </Td>
      <Td className="text-slate-700">
        <WhatHappens row={row} applied={applied} onApply={onApply} canApply={canApply} />
      </Td>
    </tr>
  );
}
