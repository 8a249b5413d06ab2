/**
 * The one role -> permission table. Nothing else in the code base decides who may do what:
 * the action chain reads a permission's rule from here, and pages ask `can()` what to show.
 *
 * A rule is `true` (the role may, across the organisation) or a relation that must hold for the target:
 * - "leadsTeam": the member leads the target team;
 * - "inTeam": the member is a rep of the target team;
 * - "leadsRep": the member leads the team the target rep is in;
 * - "self": the target rep is the member;
 * - "owns": the member keeps the target record (an internal relationship) or wrote it (a 1:1 note).
 */
import type { MemberRole } from "@/db/schema/enums";

export type { MemberRole };

type Relation = "leadsTeam" | "inTeam" | "leadsRep" | "self" | "owns";
type Rule = true | Relation;

export const PERMISSIONS = {
  /** See the organisation at all: its shell and overview. */
  "org.view": { admin: true, leader: true, rep: true },
  /** Organisation settings: name, time zone, peer departments. */
  "org.manage": { admin: true },
  /** A team's page and members. */
  "team.view": { admin: true, leader: "leadsTeam", rep: "inTeam" },
  /** The teams and members pages: admins see everyone, leaders the teams they lead (see teamScope). */
  "people.view": { admin: true, leader: true },
  /** Create, rename, archive teams; assign leaders and reps; change roles; deactivate members. */
  "people.manage": { admin: true },
  /**
   * Import people from a spreadsheet. Each row is then checked like the change it makes: admins import anyone into
   * any team (people.manage, invites.inviteStaff); leaders import reps into the teams they lead (invites.manage).
   */
  "people.import": { admin: true, leader: true },
  /** Create and revoke invite links for a team: admins any team, leaders the teams they lead. */
  "invites.manage": { admin: true, leader: "leadsTeam" },
  /** Invite someone as admin or leader (leaders invite reps only). */
  "invites.inviteStaff": { admin: true },
  /** The behaviour framework: everyone reads it, admins edit it. */
  "framework.view": { admin: true, leader: true, rep: true },
  "framework.manage": { admin: true },
  /** Create, open and close assessment cycles. */
  "cycles.manage": { admin: true },
  /**
   * Mail a reminder to the reps who have not submitted their self-assessment: admins across the organisation,
   * leaders the teams they lead.
   */
  "cycles.remind": { admin: true, leader: "leadsTeam" },
  /** The leader's grid: admins see every team, leaders the teams they lead (see teamScope). */
  "grid.view": { admin: true, leader: true },
  /** The audit log and the organisation's data export. */
  "org.audit": { admin: true },
  /** A rep's ratings, notes and plans, as their coach. */
  "rep.coach": { admin: true, leader: "leadsRep" },
  /** Fill in one's own self-assessment. */
  "self.assess": { rep: true },
  /** A rep's own results and self-assessment. */
  "rep.viewResults": { admin: true, leader: "leadsRep", rep: "self" },
  /** The coaching queue: admins see every team (and the organisation roll-up), leaders the teams they lead. */
  "coaching.view": { admin: true, leader: true },
  /** How each leader rates (the calibration view): admins see every rater, leaders themselves (see the loader). */
  "calibration.view": { admin: true, leader: true },
  /**
   * Which behaviours go with sales results, and whether coaching plans moved the behaviour: admins across the
   * organisation, leaders over the reps of the teams they lead (see teamScope). Reps: no access.
   */
  "results.analyse": { admin: true, leader: true },
  /** Start and finish calibration rounds, and see every round's progress and agreement. */
  "calibration.manageRounds": { admin: true },
  /** Rate a sampled rep a second time, blind: only the second rater the round assigned to that rep. */
  "calibration.rateSecond": { admin: "owns", leader: "owns" },
  /** Tick a coaching plan's action done: the rep on their own plans, and the rep's coaches. */
  "coaching.tickAction": { admin: true, leader: "leadsRep", rep: "self" },
  /** Edit or delete a 1:1 note: its author only (admins included: they never touch someone else's note). */
  "coaching.editNote": { admin: "owns", leader: "owns" },
  /** The internal-relationships tracker: leaders keep their own (admins too, and see everyone's); reps none. */
  "relationships.keep": { admin: true, leader: true },
  /** One relationship, its goals, interactions and actions: its owner, and admins. */
  "relationships.edit": { admin: true, leader: "owns" },
  /** Create and revoke a relationship's check-in links: the leader who keeps it (admins see the answers). */
  "relationships.checkIn": { admin: "owns", leader: "owns" },
  /** The results page: admins every rep's values, leaders their teams' reps', a rep only their own (see the loader). */
  "results.view": { admin: true, leader: true, rep: true },
  /** Type one rep's value of a measure: admins any rep, leaders the reps of the teams they lead. */
  "results.enter": { admin: true, leader: "leadsRep" },
  /**
   * Upload a results file. Each row is then checked like the value it writes: admins any rep, leaders the reps of the
   * teams they lead (a row naming another rep is an error of the preview).
   */
  "results.upload": { admin: true, leader: true },
  /** The measures (add, rename, archive, the main one) and the organisation's API tokens. */
  "results.manage": { admin: true },
} as const satisfies Record<string, Partial<Record<MemberRole, Rule>>>;

export type Permission = keyof typeof PERMISSIONS;

/** What the chain knows about the member: role, own team (reps) and the teams they lead. */
export type Member = { userId: string; role: MemberRole; teamId: string | null; ledTeamIds: readonly string[] };

/** The object a relation is checked against. */
export type Target = { teamId?: string | null; repUserId?: string; repTeamId?: string | null; ownerUserId?: string };

/** Whether the role may use the permission somewhere (the role test, before any target is known). */
export function roleMay(role: MemberRole, permission: Permission): boolean {
  return rule(role, permission) !== undefined;
}

/** Whether this member may use the permission on this target. */
export function can(member: Member, permission: Permission, target: Target = {}): boolean {
  const granted = rule(member.role, permission);
  if (granted === undefined) return false;
  if (granted === true) return true;
  switch (granted) {
    case "leadsTeam":
      return target.teamId != null && member.ledTeamIds.includes(target.teamId);
    case "inTeam":
      return target.teamId != null && target.teamId === member.teamId;
    case "leadsRep":
      return target.repTeamId != null && member.ledTeamIds.includes(target.repTeamId);
    case "self":
      return target.repUserId === member.userId;
    case "owns":
      return target.ownerUserId != null && target.ownerUserId === member.userId;
  }
}

/**
 * The teams whose people this member may see: undefined for all (admins), the teams they lead (leaders),
 * their own team (reps). Queries filter by it; it never widens what a permission allows.
 */
export function teamScope(member: Member): readonly string[] | undefined {
  if (member.role === "admin") return undefined;
  if (member.role === "leader") return member.ledTeamIds;
  return member.teamId ? [member.teamId] : [];
}

/** Whether the permission's rule for this role needs a target to decide. */
export function needsTarget(role: MemberRole, permission: Permission): boolean {
  const granted = rule(role, permission);
  return granted !== undefined && granted !== true;
}

function rule(role: MemberRole, permission: Permission): Rule | undefined {
  return (PERMISSIONS[permission] as Partial<Record<MemberRole, Rule>>)[role];
}
