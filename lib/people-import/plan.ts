import type { PersonByEmail } from "@/db/queries/invites";
import { startsLikeFormula } from "@/lib/csv";
import { can, type Member, type MemberRole } from "@/lib/permissions";
import { emailField } from "@/lib/schemas/fields";
import { roleField, teamNameField } from "@/lib/schemas/people";
import { IMPORT_LIMITS, TEAM_SEPARATOR } from "./format";
import type { ParsedSheet, SheetRow } from "./parse";

/**
 * What an import would do with each row of a people file, decided from the file and the organisation as it is now.
 * Pure: the preview shows it, and the confirm computes it afresh inside its transaction and applies it.
 *
 * - invite: a new person, who gets an email-bound single-use invite (role and teams preset);
 * - update: already a member, and the file says otherwise (role, team, teams led): applied only if chosen;
 * - unchanged: already a member as the file says, or already invited;
 * - error: the row cannot be imported as it is (the reason says why); the other rows can;
 * - refused: the importer may not import it (a leader: reps of the teams they lead only); the import is refused.
 */
export type RowStatus = "invite" | "update" | "unchanged" | "error" | "refused";

export type TeamRef = { key: string; name: string; id: string | null };

type Changes = {
  role?: { from: MemberRole; to: MemberRole };
  team?: { from: string | null; to: string | null };
  /** Team names, and the ids of the teams led before (the ones led after are the row's teams). */
  leads?: { from: string[]; to: string[]; fromIds: string[] };
};

export type PlannedRow = {
  row: number;
  /** The cells as the file has them (for the errors file). */
  cells: Pick<SheetRow, "name" | "email" | "role" | "team">;
  email: string;
  role: MemberRole | null;
  /** The teams named, existing ones by their own spelling. */
  teams: TeamRef[];
  status: RowStatus;
  /** What will happen, or why not, in words. */
  note: string;
  /** Teams this row needs that do not exist yet. */
  newTeams: string[];
  changes?: Changes;
  /** The member an update applies to. */
  userId?: string;
  personName?: string;
};

export type ImportPlan = {
  rows: PlannedRow[];
  counts: Record<RowStatus, number> & { newTeams: number };
  /** Teams the invite rows need that do not exist yet (the update rows' only if applied). */
  newTeams: string[];
  ignoredColumns: string[];
};

export type OrgState = {
  teams: readonly { id: string; name: string; archived: boolean }[];
  people: readonly PersonByEmail[];
};

export const teamKey = (name: string) => name.trim().toLowerCase();

/** "Team East, Team West"; "no team". */
const teamList = (names: readonly string[]) => (names.length ? names.join(", ") : "no team");

function rowProblem(row: SheetRow, role: MemberRole | null, teams: readonly string[], email: string): string | undefined {
  if (!row.email) return "The email is missing.";
  if (!emailField.safeParse(email).success) return `“${clip(row.email)}” is not a valid email address.`;
  if (!row.role) return "The role is missing: use admin, leader or rep.";
  if (!role) return `“${clip(row.role)}” is not a role: use admin, leader or rep.`;
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === "string" && value.length > IMPORT_LIMITS.cell) return `The ${column} is over ${IMPORT_LIMITS.cell} characters.`;
  }
  if (row.name.length > 100) return "The name is over 100 characters.";
  for (const team of teams) {
    if (startsLikeFormula(team)) return `“${clip(team)}” cannot be a team name: it starts like a spreadsheet formula.`;
    const valid = teamNameField.safeParse(team);
    if (!valid.success) return `Team “${clip(team)}”: ${valid.error.issues[0]!.message}`;
  }
  if (role === "rep" && teams.length === 0) return "A rep needs a team.";
  if (role === "rep" && teams.length > 1) return `A rep is in one team only; this row names ${teams.length}: ${teams.join(", ")}.`;
  if (role === "admin" && teams.length > 0) return "Admins see every team and belong to none: leave the team empty.";
  return undefined;
}

const clip = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * The teams a cell names: the whole cell when it is an existing team's name, else its parts separated by "|", ";"
 * or ",", each once.
 */
export function teamsOfCell(cell: string, known: ReadonlyMap<string, unknown>): string[] {
  const whole = cell.trim();
  if (!whole) return [];
  if (known.has(teamKey(whole))) return [whole];
  const seen = new Set<string>();
  return whole
    .split(/[|;,]/)
    .map((part) => part.trim())
    .filter((part) => part && !seen.has(teamKey(part)) && seen.add(teamKey(part)));
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The plan for a parsed file. `importer` decides what is allowed: with `people.manage` (admins) anyone, any team,
 * changes to existing members; otherwise (leaders) reps only, into teams the importer leads.
 */
export function planImport(sheet: ParsedSheet, state: OrgState, importer: Member): ImportPlan {
  const teamsByKey = new Map(state.teams.map((t) => [teamKey(t.name), t]));
  const teamsById = new Map(state.teams.map((t) => [t.id, t]));
  const teamName = (id: string | null) => (id ? (teamsById.get(id)?.name ?? "a team") : null);
  const people = new Map(state.people.map((p) => [p.email, p]));
  const admin = can(importer, "people.manage");

  const emailRows = new Map<string, number[]>();
  for (const row of sheet.rows) {
    const email = row.email.toLowerCase();
    if (email) emailRows.set(email, [...(emailRows.get(email) ?? []), row.row]);
  }
  /** New teams by key, spelled as first written. */
  const spelled = new Map<string, string>();

  const rows = sheet.rows.map((row): PlannedRow => {
    const email = row.email.toLowerCase();
    const role = roleField.safeParse(row.role.toLowerCase()).data ?? null;
    const names = teamsOfCell(row.team, teamsByKey);
    const teams: TeamRef[] = names.map((name) => {
      const found = teamsByKey.get(teamKey(name));
      if (found) return { key: teamKey(name), name: found.name, id: found.id };
      if (!spelled.has(teamKey(name))) spelled.set(teamKey(name), name);
      return { key: teamKey(name), name: spelled.get(teamKey(name))!, id: null };
    });
    const base = {
      row: row.row,
      cells: { name: row.name, email: row.email, role: row.role, team: row.team },
      email,
      role,
      teams,
      newTeams: [] as string[],
    };
    const error = (note: string): PlannedRow => ({ ...base, status: "error", note });

    const problem = rowProblem(row, role, names, email);
    if (problem) return error(problem);
    const others = emailRows.get(email)!.filter((n) => n !== row.row);
    if (others.length > 0) return error(`This address is also on row${others.length > 1 ? "s" : ""} ${others.join(", ")}: keep one row per person.`);
    const archived = teams.find((t) => t.id && teamsByKey.get(t.key)?.archived);
    if (archived) return error(`${archived.name} is archived: restore it on the Teams page, or choose another team.`);

    if (!admin) {
      if (role !== "rep") return { ...base, status: "refused", note: "Only an admin can import leaders and admins." };
      const team = teams[0]!;
      if (!team.id) return { ...base, status: "refused", note: `There is no team “${team.name}”, and only an admin can create one.` };
      if (!can(importer, "invites.manage", { teamId: team.id })) {
        const led = importer.ledTeamIds.map(teamName).filter((n): n is string => Boolean(n));
        return {
          ...base,
          status: "refused",
          note: `You import reps into ${led.length ? teamList(led) : "the teams you lead"} only: ask an admin to import people into ${team.name}.`,
        };
      }
    }
    const newTeams = teams.filter((t) => !t.id).map((t) => t.name);
    const person = people.get(email);

    if (person?.member) {
      const m = person.member;
      if (!admin) return { ...base, status: "unchanged", note: "Already in the organisation: an admin manages their role and team." };
      if (m.status === "deactivated") {
        // An exported file says so in its status column: left as it is, like any member as the file has them.
        if (row.status.toLowerCase() === "deactivated")
          return { ...base, status: "unchanged", note: "Deactivated, as in the file.", personName: m.name };
        return error(`${m.name}'s membership is deactivated: reactivate it on the Members page first.`);
      }
      const changes: Changes = {};
      if (m.role !== role) changes.role = { from: m.role, to: role! };
      if (role === "rep") {
        const to = teams[0]!;
        if (m.role !== "rep" || m.teamId !== to.id) changes.team = { from: m.role === "rep" ? teamName(m.teamId) : null, to: to.name };
      }
      if (role === "leader" || m.role === "leader") {
        const wanted = role === "leader" ? teams : [];
        const had = m.role === "leader" ? m.ledTeamIds : [];
        if (
          wanted.some((t) => !t.id) ||
          !sameIds(
            had,
            wanted.map((t) => t.id!),
          )
        ) {
          changes.leads = { from: had.map((id) => teamName(id)!), to: wanted.map((t) => t.name), fromIds: [...had] };
        }
      }
      const described = describeChanges(changes);
      if (!described) return { ...base, status: "unchanged", note: "Already a member, as in the file.", personName: m.name };
      if (m.userId === importer.userId) return error("This is you: change your own role or teams on the Members page.");
      return { ...base, status: "update", note: described, changes, newTeams, userId: m.userId, personName: m.name };
    }
    if (person?.invite) {
      const invite = person.invite;
      const invitedIds = [invite.teamId, ...invite.ledTeamIds].filter((id): id is string => Boolean(id));
      // A leader sees the invites of the teams they lead only (the Invites page): of another's, not its role or team.
      const theirs = admin || (invitedIds.length > 0 && invitedIds.every((id) => can(importer, "invites.manage", { teamId: id })));
      const note =
        invite.role === role &&
        sameIds(
          invitedIds,
          teams.map((t) => t.id ?? t.key),
        )
          ? "Already invited, with a link that can still be used."
          : !theirs
            ? "Already invited to a team you do not lead: an admin manages their invite."
            : `Already invited as ${invite.role}${invitedIds.length ? ` of ${teamList(invitedIds.map((id) => teamName(id)!))}` : ""}: revoke that invite on the Invites page to invite them as the file says.`;
      return { ...base, status: "unchanged", note };
    }
    return {
      ...base,
      status: "invite",
      newTeams,
      note: `Will be invited as ${role}${teams.length ? ` of ${teamList(teams.map((t) => t.name))}` : ""}.`,
    };
  });

  const newTeams = [...new Set(rows.filter((r) => r.status === "invite").flatMap((r) => r.newTeams))];
  const counts = { invite: 0, update: 0, unchanged: 0, error: 0, refused: 0, newTeams: newTeams.length };
  for (const row of rows) counts[row.status] += 1;
  return { rows, counts, newTeams, ignoredColumns: sheet.ignoredColumns };
}

/** "Role: rep → leader · Leads: none → Team East, Team West"; empty when nothing differs. */
function describeChanges(changes: Changes): string {
  const parts: string[] = [];
  if (changes.role) parts.push(`Role: ${changes.role.from} → ${changes.role.to}`);
  if (changes.team) parts.push(`Team: ${changes.team.from ?? "none"} → ${changes.team.to ?? "none"}`);
  if (changes.leads) parts.push(`Leads: ${changes.leads.from.join(", ") || "none"} → ${changes.leads.to.join(", ") || "none"}`);
  return parts.join(" · ");
}

/** A row's teams as one cell, as the file and the export write them. */
export const teamCell = (names: readonly string[]) => names.join(TEAM_SEPARATOR);
