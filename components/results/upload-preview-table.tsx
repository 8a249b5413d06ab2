"use client";

import { Badge } from "@/components/ui/badge";
import { ShowAllButton, useFirstRows } from "@/components/ui/show-all";
import { Table, Td, Th } from "@/components/ui/table";
import type { PlanStatus } from "@/lib/results/plan";
import type { ResultsPreview } from "@/lib/results/preview";

const LABEL: Record<PlanStatus, string> = { new: "New", changed: "Changed", unchanged: "No change", error: "Error" };
const TONE = { new: "green", changed: "amber", unchanged: "neutral", error: "red" } as const;
const ORDER: PlanStatus[] = ["error", "changed", "new", "unchanged"];

type Row = ResultsPreview["rows"][number];

/** Every row of the file, errors first, with what happens to it: a card per row on a phone, a table wider up. */
export function UploadPreviewTable({ preview }: { preview: ResultsPreview }) {
  const sorted = [...preview.rows].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.row - b.row);
  const { shown, cut, all, toggle } = useFirstRows(sorted, 100);
  return (
    <div className="space-y-3">
      <ul aria-label="Rows of the file" className="space-y-2 sm:hidden">
        {shown.map((r) => (
          <li key={r.row} data-status={r.status} className="rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200">
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs text-slate-500">Row {r.row}</span>
              <Badge tone={TONE[r.status]}>{LABEL[r.status]}</Badge>
            </div>
            <p className="mt-1 font-medium text-slate-900">{r.repName ?? (r.email || "No email")}</p>
            <p className="text-xs break-all text-slate-600">
              {r.measureName ?? (r.measure || "No measure")} · {r.raw || "no value"}
            </p>
            <p className="mt-1 text-slate-800">{r.note}</p>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table caption="Rows of the file">
          <thead>
            <tr>
              <Th className="w-14">Row</Th>
              <Th>Rep</Th>
              <Th>Measure</Th>
              <Th className="text-right">Value</Th>
              <Th>Status</Th>
              <Th className="min-w-56">What happens</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r: Row) => (
              <tr key={r.row} data-status={r.status}>
                <Td className="text-slate-500 tabular-nums">{r.row}</Td>
                <Td>
                  <div className="font-medium text-slate-900">{r.repName ?? <span className="text-slate-500">Unknown</span>}</div>
                  <div className="text-xs break-all text-slate-500">{r.email || "No email"}</div>
                </Td>
                <Td>{r.measureName ?? <span className="text-slate-500">{r.measure || "No measure"}</span>}</Td>
                <Td className="text-right tabular-nums">
                  {r.raw || <span className="text-slate-500">empty</span>}
                  {r.value !== null && String(r.value) !== r.raw && <div className="text-xs text-slate-500">read as {r.value}</div>}
                </Td>
                <Td>
                  <Badge tone={TONE[r.status]}>{LABEL[r.status]}</Badge>
                </Td>
                <Td className="text-slate-700">{r.note}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {cut && <ShowAllButton all={all} toggle={toggle} showAll={`Show all ${sorted.length} rows`} showFirst="Show the first 100 only" />}
    </div>
  );
}
