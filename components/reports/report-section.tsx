import type { ReactNode } from "react";

/** A section of a printed document: a heading with a rule under it; it starts a new page rather than split its heading off. */
export function ReportSection({ title, children }: { title: string; children: ReactNode }) {
  const id = `report-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="border-b border-slate-200 pb-1.5 text-lg font-semibold text-slate-900 print:break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A boxed remark that must survive printing (no background colour needed to read it). */
export function ReportNotice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p data-testid={testId} className="rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3 text-sm text-slate-900">
      {children}
    </p>
  );
}

/** One fact of the report's heading: team, cycle, status, date. */
export function ReportFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}
