import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, ROLE_LABEL } from "@/lib/format";
import type { MemberRole } from "@/lib/permissions";
import { MemberActions } from "./member-actions";

type Member = {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  status: "active" | "deactivated";
  teamId: string | null;
  teamName: string | null;
  ledTeams: { id: string; name: string }[];
  lastSignInAt: Date | null;
  /** Deleted their account: shown as "A former member", with nothing to manage. */
  accountDeleted: boolean;
};

type Props = {
  slug: string;
  members: Member[];
  teams: { id: string; name: string }[];
  canManage: boolean;
  currentUserId: string;
  timeZone: string;
  filtered: boolean;
};

export function MembersTable({ slug, members, teams, canManage, currentUserId, timeZone, filtered }: Props) {
  if (members.length === 0) {
    return (
      <EmptyState title={filtered ? "Nobody matches these filters" : "No members yet"}>
        {filtered ? "Clear the filters to see everyone." : "Invite people from the Invite links page."}
      </EmptyState>
    );
  }
  return (
    <Table caption="Members">
      <thead>
        <tr>
          <Th>Person</Th>
          <Th>Role</Th>
          <Th>Team</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          {canManage && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {members.map((m) => (
          <tr key={m.userId} className={m.status === "deactivated" ? "bg-slate-50/60" : undefined}>
            <Td>
              <div className="font-medium text-slate-900">
                {m.name}
                {m.userId === currentUserId && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
              </div>
              <div className="text-xs text-slate-500">{m.accountDeleted ? "Account deleted" : m.email}</div>
            </Td>
            <Td>{ROLE_LABEL[m.role]}</Td>
            <Td>
              {m.role === "rep" ? (
                (m.teamName ?? <span className="text-slate-500">No team</span>)
              ) : m.ledTeams.length > 0 ? (
                `Leads ${m.ledTeams.map((t) => t.name).join(", ")}`
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td>{m.status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}</Td>
            <Td className="whitespace-nowrap text-slate-600">{m.lastSignInAt ? formatDateTime(m.lastSignInAt, timeZone) : "Never"}</Td>
            {canManage && <Td>{!m.accountDeleted && <MemberActions slug={slug} member={m} teams={teams} isSelf={m.userId === currentUserId} />}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
