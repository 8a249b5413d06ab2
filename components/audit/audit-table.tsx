import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

export type AuditEntry = {
  id: string;
  createdAt: Date;
  action: string;
  sentence: string;
  before: unknown;
  after: unknown;
};

function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</p>
      <pre className="mt-1 rounded-md bg-slate-50 p-3 font-mono text-xs wrap-anywhere whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200 ring-inset">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** One page of the log: when (in the organisation's time zone), what happened, and the recorded change. */
export function AuditTable({ entries, timeZone, caption }: { entries: AuditEntry[]; timeZone: string; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th className="w-28 sm:w-48">When</Th>
          <Th>What happened</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {entries.map((entry) => {
          const when = formatDateTime(entry.createdAt, timeZone);
          return (
            <tr key={entry.id} className="align-top">
              <Td className="text-slate-600 sm:whitespace-nowrap">
                <time dateTime={entry.createdAt.toISOString()}>{when}</time>
              </Td>
              <Td>
                <p>{entry.sentence}</p>
                <details className="mt-1">
                  <summary className="w-fit cursor-pointer rounded text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                    Details<span className="sr-only"> of the entry at {when}</span>
                  </summary>
                  <div className="mt-2 space-y-3 pb-1">
                    <p className="text-xs text-slate-500">
                      Recorded as <code className="font-mono wrap-anywhere text-slate-700">{entry.action}</code>
                    </p>
                    <div className="grid gap-3 md:grid-cols-2">
                      <Snapshot title="Before" value={entry.before} />
                      <Snapshot title="After" value={entry.after} />
                    </div>
                  </div>
                </details>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
