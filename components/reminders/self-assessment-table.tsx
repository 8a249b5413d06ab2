import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

type Rep = {
  userId: string;
  name: string;
  email: string;
  teamName: string | null;
  status: "submitted" | "draft" | "not_started";
  lastRemindedAt: Date | null;
  notMailable: "unverified" | "turned_off" | null;
};

const NOT_MAILABLE = { unverified: "Address not verified: no reminders", turned_off: "Turned reminders off" } as const;

const STATUS = {
  submitted: { label: "Submitted", tone: "green" },
  draft: { label: "Draft saved", tone: "amber" },
  not_started: { label: "Not started", tone: "neutral" },
} as const;

/** Each rep of the scope: where their self-assessment stands and when they were last reminded. */
export function SelfAssessmentTable({ reps, timeZone }: { reps: Rep[]; timeZone: string }) {
  if (reps.length === 0) return <EmptyState title="No reps here">Reps appear here once they have joined a team.</EmptyState>;
  return (
    <Table caption="Self-assessments">
      <thead>
        <tr>
          <Th>Rep</Th>
          <Th>Team</Th>
          <Th>Self-assessment</Th>
          <Th>Last reminded</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {reps.map((rep) => (
          <tr key={rep.userId}>
            <Td>
              <div className="font-medium text-slate-900">{rep.name}</div>
              <div className="text-xs text-slate-500">{rep.email}</div>
            </Td>
            <Td>{rep.teamName ?? "No team"}</Td>
            <Td>
              <Badge tone={STATUS[rep.status].tone}>{STATUS[rep.status].label}</Badge>
            </Td>
            <Td className="whitespace-nowrap text-slate-600">
              <div>{rep.lastRemindedAt ? formatDateTime(rep.lastRemindedAt, timeZone) : "Never"}</div>
              {rep.status !== "submitted" && rep.notMailable && <div className="text-xs text-slate-500">{NOT_MAILABLE[rep.notMailable]}</div>}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
