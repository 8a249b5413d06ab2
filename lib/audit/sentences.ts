import { formatDate } from "@/lib/format";

/**
 * The audit log in words: one sentence per event, from what the action recorded (its target label and its
 * before/after snapshots). Pure, so every sentence is unit-tested; stored JSON is read defensively, because
 * old events keep the shape they were written with.
 */

export type DescribableAuditEvent = {
  action: string;
  /** The actor's current name; null when the event has no actor (or the account is gone). */
  actorName: string | null;
  targetType?: string | null;
  /** The target's name when the event was recorded ("Team East", "Avery Lin"). */
  targetLabel: string | null;
  before: unknown;
  after: unknown;
};

type Snapshot = Record<string, unknown>;
type Describe = (actor: string, event: DescribableAuditEvent, before: Snapshot, after: Snapshot) => string;

function snapshot(value: unknown): Snapshot {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** "Team East" stays as it is; "Enterprise" becomes "the team Enterprise". */
function team(name: string | null): string {
  if (!name) return "a team";
  return /\bteam\b/i.test(name) ? name : `the team ${name}`;
}

function count(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/** "1 person", "3 people"; "1 rep", "3 reps". */
function people(n: number, noun?: string): string {
  if (!noun) return n === 1 ? "1 person" : `${n} people`;
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "reps", "leaders", "admins". */
function plural(role: string): string {
  return `${role}s`;
}

/** "a rep", "an admin"; an unknown role is named as it is. */
function aRole(role: unknown): string {
  const name = text(role) ?? "member";
  return `${/^[aeiou]/i.test(name) ? "an" : "a"} ${name}`;
}

/** "a rep of Team East", "a leader", "an admin". */
function roleIn(role: unknown, teamName: unknown): string {
  const name = text(teamName);
  return name ? `${aRole(role)} of ${team(name)}` : aRole(role);
}

function zone(value: unknown): string {
  return (text(value) ?? "another time zone").replaceAll("_", " ");
}

function person(event: DescribableAuditEvent): string {
  return event.targetLabel ?? "a member";
}

const MAIL_CATEGORY_WORDS: Record<string, string> = { reminders: "reminders", resultsShared: "results shared", weeklyDigest: "weekly digest" };

/** "reminders off, weekly digest on": the categories whose setting changed (all given ones when there is no before). */
function mailSettings(before: Snapshot, after: Snapshot): string {
  return Object.entries(MAIL_CATEGORY_WORDS)
    .filter(([key]) => typeof after[key] === "boolean" && before[key] !== after[key])
    .map(([key, words]) => `${words} ${after[key] ? "on" : "off"}`)
    .join(", ");
}

/** A stored calendar day (yyyy-mm-dd) as people read it: "5 Jan 2026"; null when it is not one. */
function day(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, "UTC") : null;
}

/** A coaching plan, from its label "Avery Lin · Prospecting": "the coaching plan for Avery Lin on Prospecting". */
function plan(event: DescribableAuditEvent, article: "the" | "a" = "the"): string {
  const [rep, behaviour] = (event.targetLabel ?? "").split(" · ");
  return `${article} coaching plan for ${text(rep) ?? "a rep"}${text(behaviour) ? ` on ${behaviour}` : ""}`;
}

/** One value of a snapshot in words: the bare value ("4") and the phrase around it ("target 4"). */
type Field = { key: string; value: (stored: unknown) => string; phrase: (value: string) => string };

const asText = (stored: unknown) => String(stored);

/** "target 5 (was 4)" for each field whose value changed between the snapshots. */
function changes(fields: readonly Field[], before: Snapshot, after: Snapshot): string[] {
  return fields
    .filter((f) => f.key in after && after[f.key] !== before[f.key])
    .map((f) => `${f.phrase(f.value(after[f.key]))}${f.key in before ? ` (was ${f.value(before[f.key])})` : ""}`);
}

const COACHING_SETTINGS: Field[] = [
  { key: "blindSpotGap", value: asText, phrase: (v) => `blind spots from a gap of ${v}` },
  { key: "hiddenStrengthGap", value: asText, phrase: (v) => `hidden strengths from a gap of ${v}` },
  { key: "agreedWeaknessMax", value: asText, phrase: (v) => `agreed weaknesses at ${v} or lower` },
  { key: "agreedStrengthMin", value: asText, phrase: (v) => `agreed strengths at ${v} or higher` },
  { key: "oneOnOneCadenceDays", value: asText, phrase: (v) => `a 1:1 every ${v} days` },
  {
    key: "gapBasis",
    value: (v) => (v === "relative" ? "the gap relative to each rep's tendency" : "the raw gap"),
    phrase: (v) => `labels from ${v}`,
  },
];

const PLAN_FIELDS: Field[] = [
  { key: "status", value: (v) => text(v) ?? "unknown", phrase: (v) => `status ${v}` },
  { key: "targetScore", value: asText, phrase: (v) => `target ${v}` },
  { key: "dueOn", value: (v) => day(v) ?? "none", phrase: (v) => `due date ${v}` },
];

/**
 * A 1:1 note, from what its audit entry holds: the rep, the day and whether it is shared — never its text,
 * which the entry does not carry (lib/coaching/actions.ts) and a sentence must not read even if it did.
 */
function note(event: DescribableAuditEvent, values: Snapshot, withKind = true): string {
  const kind = !withKind ? "" : values.shared === true ? "shared " : values.shared === false ? "private " : "";
  const held = day(values.heldOn);
  return `a ${kind}1:1 note about ${event.targetLabel ?? "a rep"}${held ? ` (the 1:1 of ${held})` : ""}`;
}

/**
 * A label "Avery Lin · Q1 2027" (a rep's self-assessment) or "Avery Lin · Prospecting · Q1 2027" (one rating), in
 * its parts; absent parts are named in general terms.
 */
function ratingParts(event: DescribableAuditEvent) {
  const parts = (event.targetLabel ?? "").split(" · ");
  const cycle = parts.length > 1 ? text(parts.at(-1)) : null;
  return { first: text(parts[0]), behaviour: parts.length > 2 ? text(parts[1]) : null, cycle };
}

/** "Avery Lin's self-assessment for Q1 2027", or "their self-assessment ..." when the rep is the actor. */
function selfAssessment(actor: string, event: DescribableAuditEvent): string {
  const { first: rep, cycle } = ratingParts(event);
  const whose = rep === null ? "a rep's" : rep === actor ? "their" : `${rep}'s`;
  return `${whose} self-assessment${cycle ? ` for ${cycle}` : ""}`;
}

/** The joiner is the actor: they accepted the link themselves. */
function joined(actor: string, after: Snapshot) {
  return `${actor} joined as ${roleIn(after.role, after.team)}`;
}

const ACTIONS: Record<string, { label: string; describe: Describe }> = {
  "account.signUp": {
    label: "Organisation created",
    describe: (actor, event, _before, after) => `${actor} created the organisation ${text(after.name) ?? event.targetLabel ?? ""}`.trimEnd(),
  },
  "auth.signIn": {
    label: "Signed in",
    describe: (actor) => `${actor} signed in`,
  },
  "account.updateProfile": {
    label: "Profile changed",
    describe: (actor) => `${actor} changed their profile`,
  },
  "account.changePassword": {
    label: "Password changed",
    describe: (actor) => `${actor} changed their password`,
  },
  "account.signOutEverywhere": {
    label: "Signed out everywhere",
    describe: (actor) => `${actor} signed out of every session`,
  },
  "auth.signOut": {
    label: "Signed out",
    describe: (actor) => `${actor} signed out`,
  },
  "account.requestPasswordReset": {
    label: "Password reset requested",
    describe: (actor) => `${actor} asked for a password reset link`,
  },
  "account.resetPassword": {
    label: "Password reset",
    describe: (actor) => `${actor} set a new password through a reset link`,
  },
  "account.verifyEmail": {
    label: "Email address confirmed",
    describe: (actor) => `${actor} confirmed their email address`,
  },
  "account.resendVerification": {
    label: "Confirmation mail resent",
    describe: (actor) => `${actor} asked for a new confirmation mail`,
  },
  "account.requestEmailChange": {
    label: "Email change requested",
    describe: (actor) => `${actor} asked to change their email address`,
  },
  // The entry carries no address: admins see the current one on the members page.
  "account.confirmEmailChange": {
    label: "Email address changed",
    describe: (actor) => `${actor} changed their email address`,
  },
  "account.delete": {
    label: "Account deleted",
    describe: (actor) => `${actor} deleted their account; their ratings, notes about others and entries here stay with the organisation`,
  },
  "organisation.updateSettings": {
    label: "Organisation settings changed",
    describe: (actor, _event, before, after) => {
      const renamed = text(after.name) !== null && after.name !== before.name;
      const rezoned = text(after.timeZone) !== null && after.timeZone !== before.timeZone;
      if (renamed && rezoned) {
        return `${actor} renamed the organisation to ${String(after.name)} and changed its time zone to ${zone(after.timeZone)}`;
      }
      if (renamed) return `${actor} renamed the organisation to ${String(after.name)}`;
      if (rezoned) return `${actor} changed the organisation's time zone to ${zone(after.timeZone)}`;
      return `${actor} saved the organisation settings without changes`;
    },
  },
  "invite.create": {
    label: "Invite link created",
    describe: (actor, event, _before, after) => {
      const teamName = text(after.team) ?? event.targetLabel;
      const email = text(after.email);
      const uses = typeof after.maxUses === "number" && after.maxUses > 1 ? `, for up to ${after.maxUses} people` : "";
      const mailed = after.emailed === true ? ", and emailed it" : "";
      return `${actor} created an invite link${email ? ` for ${email}` : ""} to join ${teamName ? `${team(teamName)} ` : ""}as ${aRole(after.role)}${uses}${mailed}`;
    },
  },
  "invite.bulk": {
    label: "People invited by email",
    describe: (actor, event, _before, after) => {
      const teamName = text(after.team) ?? event.targetLabel;
      const skipped = count(after.skippedMembers) + count(after.skippedInvited);
      return `${actor} emailed invites to ${people(count(after.invited))} to join ${teamName ? `${team(teamName)} ` : ""}as ${plural(text(after.role) ?? "member")}${skipped ? ` (${skipped} skipped: already members or invited)` : ""}`;
    },
  },
  "invite.sendEmail": {
    label: "Invite emailed",
    describe: (actor, event, _before, after) =>
      `${actor} ${after.resent === true ? "emailed again" : "emailed"} an invite link${text(after.emailedTo) ? ` to ${String(after.emailedTo)}` : ""}${event.targetLabel ? ` for ${team(event.targetLabel)}` : ""}`,
  },
  "invite.revoke": {
    label: "Invite link revoked",
    describe: (actor, event) => `${actor} revoked an invite link${event.targetLabel ? ` for ${team(event.targetLabel)}` : ""}`,
  },
  "invite.acceptAsNew": {
    label: "Joined through an invite (new account)",
    describe: (actor, _event, _before, after) => `${joined(actor, after)} through an invite link`,
  },
  "invite.acceptSignedIn": {
    label: "Joined through an invite (existing account)",
    describe: (actor, _event, _before, after) => `${joined(actor, after)} through an invite link, with an existing account`,
  },
  "people.import": {
    label: "People imported from a file",
    describe: (actor, _event, _before, after) => {
      const parts = [`invited ${people(count(after.invited))}${after.emailed === true ? " by email" : ""}`];
      if (count(after.teamsCreated)) parts.push(`created ${count(after.teamsCreated)} team${count(after.teamsCreated) === 1 ? "" : "s"}`);
      if (count(after.updated)) parts.push(`changed ${people(count(after.updated))} already in the organisation`);
      const skipped = count(after.errors);
      return `${actor} imported a file of ${people(count(after.rows))}: ${parts.join(", ")}${skipped ? ` (${count(after.errors)} row${skipped === 1 ? "" : "s"} with errors skipped)` : ""}`;
    },
  },
  "team.create": {
    label: "Team created",
    describe: (actor, event) => `${actor} created ${team(event.targetLabel)}`,
  },
  "team.rename": {
    label: "Team renamed",
    describe: (actor, event, before, after) =>
      `${actor} renamed ${team(text(before.name) ?? event.targetLabel)} to ${text(after.name) ?? "a new name"}`,
  },
  "team.archive": {
    label: "Team archived",
    describe: (actor, event) => `${actor} archived ${team(event.targetLabel)}`,
  },
  "team.restore": {
    label: "Team restored",
    describe: (actor, event) => `${actor} restored ${team(event.targetLabel)}`,
  },
  "team.addLeader": {
    label: "Team leader added",
    describe: (actor, event, _before, after) => `${actor} made ${text(after.leader) ?? "someone"} a leader of ${team(event.targetLabel)}`,
  },
  "team.removeLeader": {
    label: "Team leader removed",
    describe: (actor, event, before, after) =>
      `${actor} removed ${text(after.leader) ?? text(before.leader) ?? "someone"} as a leader of ${team(event.targetLabel)}`,
  },
  "member.changeRole": {
    label: "Role changed",
    describe: (actor, event, before, after) =>
      `${actor} changed ${person(event)} from ${roleIn(before.role, before.team)} to ${roleIn(after.role, after.team)}`,
  },
  "member.moveTeam": {
    label: "Member moved to another team",
    describe: (actor, event, before, after) => {
      const from = text(before.team);
      const to = text(after.team);
      if (from && to) return `${actor} moved ${person(event)} from ${team(from)} to ${team(to)}`;
      if (to) return `${actor} moved ${person(event)} to ${team(to)}`;
      if (from) return `${actor} took ${person(event)} out of ${team(from)}`;
      return `${actor} changed the team of ${person(event)}`;
    },
  },
  "member.deactivate": {
    label: "Member deactivated",
    describe: (actor, event) => `${actor} deactivated the membership of ${person(event)}`,
  },
  "member.leave": {
    label: "Member left",
    describe: (actor) => `${actor} left the organisation`,
  },
  "member.reactivate": {
    label: "Member reactivated",
    describe: (actor, event) => `${actor} reactivated the membership of ${person(event)}`,
  },
  "member.sendPasswordReset": {
    label: "Password reset link sent",
    describe: (actor, event) => `${actor} sent ${person(event)} a link to choose a new password`,
  },
  "account.updateMailPreferences": {
    label: "Mail settings changed",
    describe: (actor, _event, before, after) => `${actor} changed their mail settings: ${mailSettings(before, after) || "no change"}`,
  },
  "mail.unsubscribe": {
    label: "Unsubscribed from mails",
    describe: (actor, _event, _before, after) => `${actor} unsubscribed from ${mailSettings({}, after) || "some mails"} through a mail's link`,
  },
  "organisation.export": {
    label: "Data exported",
    describe: (actor) => `${actor} downloaded all of the organisation's data`,
  },
  "bench.ping": {
    label: "Trivial action",
    describe: (actor) => `${actor} ran the benchmark's trivial action (it changes nothing)`,
  },
  "framework.addBehaviour": {
    label: "Behaviour added",
    describe: (actor, event) => `${actor} added the behaviour ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "framework.editBehaviour": {
    label: "Behaviour edited",
    describe: (actor, event) => `${actor} edited the behaviour ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "framework.reorder": {
    label: "Behaviours reordered",
    describe: (actor) => `${actor} changed the order of the behaviours`,
  },
  "framework.archiveBehaviour": {
    label: "Behaviour archived",
    describe: (actor, event) => `${actor} archived the behaviour ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "framework.restoreBehaviour": {
    label: "Behaviour restored",
    describe: (actor, event) => `${actor} restored the behaviour ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "framework.confirm": {
    label: "Behaviours confirmed",
    describe: (actor) => `${actor} confirmed the behaviours that predict success in the business`,
  },
  "cycle.create": {
    label: "Cycle created",
    describe: (actor, event) => `${actor} created the cycle ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "cycle.open": {
    label: "Cycle opened",
    describe: (actor, event, _before, after) =>
      `${actor} opened the cycle ${event.targetLabel ?? ""}`.trimEnd() +
      (typeof after.mailedReps === "number" ? ` and emailed ${people(after.mailedReps, "rep")} their self-assessment` : ""),
  },
  "cycle.remind": {
    label: "Self-assessment reminders sent",
    describe: (actor, event, _before, after) =>
      `${actor} reminded ${people(count(after.reminded), "rep")}${text(after.team) ? ` of ${team(String(after.team))}` : ""} to submit their self-assessment${event.targetLabel ? ` for ${event.targetLabel}` : ""}`,
  },
  "cycle.close": {
    label: "Cycle closed",
    describe: (actor, event) => `${actor} closed the cycle ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "grid.rate": {
    label: "Rating saved",
    describe: (actor, event, before, after) => {
      const [rep, behaviour, cycle] = (event.targetLabel ?? "").split(" · ");
      const what = `${rep ?? "a rep"} on ${behaviour ?? "a behaviour"}${cycle ? ` (${cycle})` : ""}`;
      if (after.score === null || after.score === undefined) return `${actor} cleared the rating of ${what}`;
      const from = typeof before.score === "number" ? ` (was ${before.score})` : "";
      return `${actor} rated ${what} ${String(after.score)}${from}`;
    },
  },
  "grid.comment": {
    label: "Rating comment saved",
    describe: (actor, event, _before, after) => {
      const [rep, behaviour, cycle] = (event.targetLabel ?? "").split(" · ");
      const what = `${text(rep) ? `${rep}'s` : "a"} rating on ${text(behaviour) ?? "a behaviour"}${text(cycle) ? ` (${cycle})` : ""}`;
      return after.comment === "cleared" ? `${actor} removed the comment on ${what}` : `${actor} commented on ${what}`;
    },
  },
  // A draft self rating is hidden from the coach (blind mode): the sentence never names a score, whatever the
  // event holds.
  "assessment.saveSelfRating": {
    label: "Self rating saved",
    describe: (actor, event) => {
      const { first: behaviour, cycle } = ratingParts(event);
      return `${actor} saved a self rating of ${behaviour ?? "a behaviour"}${cycle ? ` (${cycle})` : ""}`;
    },
  },
  "assessment.submit": {
    label: "Self-assessment submitted",
    describe: (actor, event) => `${actor} submitted ${selfAssessment(actor, event)}`,
  },
  "assessment.share": {
    label: "Results shared",
    describe: (actor, event) => {
      const { first: rep, cycle } = ratingParts(event);
      return `${actor} shared ${cycle ? `the ${cycle} results` : "the results"} with ${rep ?? "a rep"}`;
    },
  },
  "assessment.reopen": {
    label: "Self-assessment reopened",
    describe: (actor, event) => `${actor} reopened ${selfAssessment(actor, event)}`,
  },
  "calibration.startRound": {
    label: "Calibration round started",
    describe: (actor, event, _before, after) => {
      const reps = count(after.reps);
      const raters = count(after.raters);
      return `${actor} started a calibration round in ${event.targetLabel ?? "a cycle"}: ${reps} ${reps === 1 ? "rep" : "reps"} to rate a second time, by ${raters} ${raters === 1 ? "second rater" : "second raters"}`;
    },
  },
  "calibration.rateSecond": {
    label: "Second rating saved",
    describe: (actor, event, _before, after) => {
      const n = count(after.behaviours);
      return `${actor} rated ${event.targetLabel ?? "a rep"} a second time on ${n} ${n === 1 ? "behaviour" : "behaviours"}, blind`;
    },
  },
  "calibration.finishRound": {
    label: "Calibration round finished",
    describe: (actor, event) => `${actor} finished the calibration round in ${event.targetLabel ?? "a cycle"}`,
  },
  "coaching.updateSettings": {
    label: "Coaching settings changed",
    describe: (actor, _event, before, after) => {
      const changed = changes(COACHING_SETTINGS, before, after);
      return changed.length > 0
        ? `${actor} changed the coaching settings: ${changed.join(", ")}`
        : `${actor} saved the coaching settings without changes`;
    },
  },
  "coaching.createPlan": {
    label: "Coaching plan created",
    describe: (actor, event, _before, after) => {
      const due = day(after.dueOn);
      const details = [
        typeof after.targetScore === "number" ? `target ${after.targetScore}` : null,
        due ? `due ${due}` : null,
        typeof after.actions === "number" ? `${after.actions} ${after.actions === 1 ? "action" : "actions"}` : null,
      ].filter((d) => d !== null);
      return `${actor} made ${plan(event, "a")}${details.length > 0 ? `: ${details.join(", ")}` : ""}`;
    },
  },
  "coaching.updatePlan": {
    label: "Coaching plan edited",
    describe: (actor, event, before, after) => {
      const changed = changes(PLAN_FIELDS, before, after);
      return changed.length > 0 ? `${actor} edited ${plan(event)}: ${changed.join(", ")}` : `${actor} saved ${plan(event)} without changes`;
    },
  },
  "coaching.addPlanAction": {
    label: "Coaching plan action added",
    describe: (actor, event, _before, after) => `${actor} added an action to ${plan(event)}${text(after.action) ? `: ${String(after.action)}` : ""}`,
  },
  "coaching.removePlanAction": {
    label: "Coaching plan action removed",
    describe: (actor, event, before) => `${actor} removed an action from ${plan(event)}${text(before.action) ? `: ${String(before.action)}` : ""}`,
  },
  "coaching.setPlanActionDone": {
    label: "Coaching plan action ticked",
    describe: (actor, event, _before, after) =>
      `${actor} marked an action of ${plan(event)} as ${after.done === false ? "not done" : "done"}${text(after.action) ? `: ${String(after.action)}` : ""}`,
  },
  "coaching.createNote": {
    label: "1:1 note written",
    describe: (actor, event, _before, after) => `${actor} wrote ${note(event, after)}`,
  },
  "coaching.updateNote": {
    label: "1:1 note edited",
    describe: (actor, event, before, after) => {
      if (before.shared === false && after.shared === true) return `${actor} edited ${note(event, after, false)} and shared it with the rep`;
      if (before.shared === true && after.shared === false) return `${actor} edited ${note(event, after, false)} and made it private`;
      return `${actor} edited ${note(event, after)}`;
    },
  },
  "coaching.deleteNote": {
    label: "1:1 note deleted",
    describe: (actor, event, before) => `${actor} deleted ${note(event, before)}`,
  },
  "department.add": {
    label: "Department added",
    describe: (actor, event) => `${actor} added the department ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "department.addStarters": {
    label: "Usual departments added",
    describe: (actor, event) => `${actor} added the usual departments${event.targetLabel ? `: ${event.targetLabel}` : ""}`,
  },
  "department.rename": {
    label: "Department renamed",
    describe: (actor, event, before, after) =>
      `${actor} renamed the department ${text(before.name) ?? "a department"} to ${text(after.name) ?? event.targetLabel ?? "a new name"}`,
  },
  "department.archive": {
    label: "Department archived",
    describe: (actor, event) => `${actor} archived the department ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "department.restore": {
    label: "Department restored",
    describe: (actor, event) => `${actor} restored the department ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "relationship.create": {
    label: "Relationship added",
    describe: (actor, event) => `${actor} started tracking the relationship with ${event.targetLabel ?? "a counterpart"}`,
  },
  "relationship.update": {
    label: "Relationship edited",
    describe: (actor, event) => `${actor} edited the relationship with ${event.targetLabel ?? "a counterpart"}`,
  },
  "relationship.setPriority": {
    label: "First relationship to develop",
    describe: (actor, event, _before, after) =>
      after.priority === false
        ? `${actor} no longer marks ${event.targetLabel ?? "a relationship"} as the first relationship to develop`
        : `${actor} made ${event.targetLabel ?? "a relationship"} the first relationship to develop`,
  },
  "relationship.addGoal": {
    label: "Joint goal added",
    describe: (actor, event, _before, after) =>
      `${actor} added a joint goal with ${event.targetLabel ?? "a counterpart"}${text(after.goal) ? `: ${String(after.goal)}` : ""}`,
  },
  "relationship.setGoalAchieved": {
    label: "Joint goal updated",
    describe: (actor, event, _before, after) =>
      `${actor} marked a joint goal with ${event.targetLabel ?? "a counterpart"} as ${after.achieved === false ? "open again" : "achieved"}`,
  },
  "relationship.logInteraction": {
    label: "Interaction logged",
    describe: (actor, event, _before, after) => {
      const kinds: Record<string, string> = { lunch: "a lunch", one_on_one: "a one-on-one", call: "a call", meeting: "a group meeting" };
      const kind = kinds[text(after.interaction) ?? ""] ?? "an interaction";
      const trust = typeof after.trustAfter === "number" ? ` (trust after: ${after.trustAfter} of 5)` : "";
      return `${actor} logged ${kind} with ${event.targetLabel ?? "a counterpart"}${trust}`;
    },
  },
  "relationship.addAction": {
    label: "Small action added",
    describe: (actor, event, _before, after) =>
      `${actor} agreed a small action with ${event.targetLabel ?? "a counterpart"}${text(after.action) ? `: ${String(after.action)}` : ""}`,
  },
  "relationship.setActionDone": {
    label: "Small action updated",
    describe: (actor, event, _before, after) =>
      `${actor} marked a small action with ${event.targetLabel ?? "a counterpart"} as ${after.done === false ? "not done" : "done"}`,
  },
  "checkIn.create": {
    label: "Check-in link created",
    describe: (actor, event, _before, after) => {
      const days = typeof after.expiresInDays === "number" ? ` lasting ${after.expiresInDays} days` : "";
      return `${actor} created a check-in link${days} for ${event.targetLabel ?? "a counterpart"}`;
    },
  },
  "checkIn.revoke": {
    label: "Check-in link revoked",
    describe: (actor, event) => `${actor} revoked a check-in link for ${event.targetLabel ?? "a counterpart"}`,
  },
  "checkIn.answer": {
    label: "Check-in answered",
    // Answered through the link, without an account: the event has no actor.
    describe: (_actor, event, _before, after) => {
      const trust = typeof after.trust === "number" ? ` (their trust: ${after.trust} of 5)` : "";
      return `${event.targetLabel ?? "A counterpart"} answered a check-in through its link${trust}`;
    },
  },
  "measure.add": {
    label: "Measure added",
    describe: (actor, event) => `${actor} added the measure ${event.targetLabel ?? "a measure"}`,
  },
  "measure.edit": {
    label: "Measure changed",
    describe: (actor, event, before, after) => {
      const was = text(before.name);
      return was && was !== text(after.name)
        ? `${actor} renamed the measure ${was} to ${event.targetLabel ?? "a new name"}`
        : `${actor} changed the measure ${event.targetLabel ?? "a measure"}`;
    },
  },
  "measure.archive": {
    label: "Measure archived",
    describe: (actor, event) => `${actor} archived the measure ${event.targetLabel ?? "a measure"}`,
  },
  "measure.restore": {
    label: "Measure restored",
    describe: (actor, event) => `${actor} restored the measure ${event.targetLabel ?? "a measure"}`,
  },
  "measure.setMain": {
    label: "Main measure chosen",
    describe: (actor, event) => `${actor} made ${event.targetLabel ?? "a measure"} the main measure`,
  },
  "result.save": {
    label: "Result saved",
    describe: (actor, event, before, after) => {
      const [rep, measure, cycle] = (event.targetLabel ?? "").split(" · ");
      const what = `${rep ? `${rep}’s ` : "a rep’s "}${measure ?? "result"}${cycle ? ` for ${cycle}` : ""}`;
      const from = typeof before.value === "number" ? ` (was ${before.value})` : "";
      if (typeof after.value !== "number") return `${actor} cleared ${what}${from}`;
      return `${actor} set ${what} to ${after.value}${from}`;
    },
  },
  "results.upload": {
    label: "Results uploaded",
    describe: (actor, event, _before, after) =>
      `${actor} uploaded results for ${event.targetLabel ?? "a cycle"}: ${count(after.created)} new, ${count(after.updated)} changed, ${count(after.unchanged)} unchanged`,
  },
  "results.apiWrite": {
    label: "Results written through the API",
    // Written with an API token: the event has no actor, the token is its target.
    describe: (_actor, event, _before, after) =>
      `The API token ${event.targetLabel ?? "(deleted)"} wrote results for ${text(after.cycle) ?? "a cycle"}: ${count(after.created)} new, ${count(after.updated)} changed, ${count(after.unchanged)} unchanged`,
  },
  "apiToken.create": {
    label: "API token created",
    describe: (actor, event) => `${actor} created the API token ${event.targetLabel ?? ""}`.trimEnd(),
  },
  "apiToken.revoke": {
    label: "API token revoked",
    describe: (actor, event) => `${actor} revoked the API token ${event.targetLabel ?? ""}`.trimEnd(),
  },
};

/** One readable sentence for an audit event, e.g. "Dana Reyes revoked an invite link for Team East". */
export function describeAuditEvent(event: DescribableAuditEvent): string {
  const actor = event.actorName ?? "Someone";
  const known = Object.hasOwn(ACTIONS, event.action) ? ACTIONS[event.action] : undefined;
  const target = event.targetLabel ?? (event.targetType ? `a ${event.targetType}` : null);
  const sentence = known
    ? known.describe(actor, event, snapshot(event.before), snapshot(event.after))
    : `${actor} made a change (${event.action})${target ? ` to ${target}` : ""}`;
  return formerMembersInSentence(sentence);
}

/** A deleted account's name (db/queries/account-deletion.ts) reads "a former member" inside a sentence. */
function formerMembersInSentence(sentence: string): string {
  return sentence.replace(/(?<!^)\bA former member\b/g, "a former member");
}

/** Whether an action has its own sentence and label (tests hold every registered action to it). */
export function hasAuditSentence(action: string): boolean {
  return Object.hasOwn(ACTIONS, action);
}

/** The name of an action in the log's filter: "Invite link revoked"; unknown actions keep their code name. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(ACTIONS, action) ? ACTIONS[action]!.label : action;
}
