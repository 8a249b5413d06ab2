import type { MemberRole, MemberStatus } from "@/db/schema/enums";
import { wallClockInZone } from "@/lib/dates";
import { EXPORT_COLUMNS, TEAM_SEPARATOR } from "./format";

type Person = {
  name: string;
  email: string;
  role: MemberRole;
  status: MemberStatus;
  teamName: string | null;
  ledTeams: readonly { name: string }[];
  lastSignInAt: Date | string | null;
};

/** "2026-12-01 14:05" in the organisation's time zone; empty for never. */
function signInCell(at: Date | string | null, timeZone: string): string {
  if (!at) return "";
  const clock = wallClockInZone(new Date(at), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${clock.date} ${pad(Math.floor(clock.minutes / 60))}:${pad(clock.minutes % 60)}`;
}

/**
 * The people file of an organisation, in the import's format: a rep's team, a leader's teams ("Team East | Team
 * West"), then status and last sign-in, which an import reads (status) or ignores (last sign-in). Edited and imported
 * again as it is, it changes nothing.
 */
export function peopleRows(people: readonly Person[], timeZone: string): string[][] {
  return [
    [...EXPORT_COLUMNS],
    ...people.map((p) => [
      p.name,
      p.email,
      p.role,
      p.role === "rep" ? (p.teamName ?? "") : p.role === "leader" ? p.ledTeams.map((t) => t.name).join(TEAM_SEPARATOR) : "",
      p.status,
      signInCell(p.lastSignInAt, timeZone),
    ]),
  ];
}
