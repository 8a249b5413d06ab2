import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

export type DeliveredMail = {
  id: string;
  kind: string;
  toEmail: string;
  subject: string;
  status: "queued" | "sending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const STATUS = {
  queued: { tone: "amber", label: "Waiting" },
  sending: { tone: "blue", label: "Sending" },
  sent: { tone: "green", label: "Sent" },
  failed: { tone: "red", label: "Failed" },
} as const;

/** Settings → Email delivery: the organisation's latest mails. What was sent and to whom, never a link or token. */
export function EmailDeliveryPanel({ mails, timeZone }: { mails: DeliveredMail[]; timeZone: string }) {
  if (mails.length === 0) {
    return <EmptyState title="No mail yet">Invitations, reminders and other mails of this organisation appear here once they are sent.</EmptyState>;
  }
  return (
    <Table caption="Latest mails of this organisation">
      <thead>
        <tr>
          <Th>Queued</Th>
          <Th>To</Th>
          <Th>Mail</Th>
          <Th>Status</Th>
          <Th className="text-right">Attempts</Th>
          <Th>Last error</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {mails.map((mail) => (
          <tr key={mail.id}>
            <Td className="whitespace-nowrap text-slate-600">{formatDateTime(mail.createdAt, timeZone)}</Td>
            <Td className="break-all">{mail.toEmail}</Td>
            <Td>
              <span className="block">{mail.subject}</span>
              <span className="text-xs text-slate-500">{mail.kind.replaceAll("_", " ")}</span>
            </Td>
            <Td>
              <Badge tone={STATUS[mail.status].tone}>{STATUS[mail.status].label}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{mail.attempts}</Td>
            <Td className="max-w-xs text-xs text-slate-600">{mail.lastError ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
