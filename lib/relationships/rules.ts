/**
 * The tracker's small rules, pure so they are unit-tested: which interactions restart the contact cadence,
 * when the next contact is due, and what counts as overdue. Dates are yyyy-mm-dd calendar days in the
 * organisation's time zone (see lib/dates.ts); "today" is always taken in that zone.
 */
import { INTERACTION_KINDS, RELATIONSHIP_STATUSES, type ActionOwner, type InteractionKind, type RelationshipStatus } from "@/db/schema/enums";
import { addDays, daysBetween } from "@/lib/dates";

/** The schema's statuses, interaction kinds and action owners, and their words. */
export { INTERACTION_KINDS, RELATIONSHIP_STATUSES, type ActionOwner, type InteractionKind, type RelationshipStatus };

export const INTERACTION_LABEL: Record<InteractionKind, string> = {
  lunch: "Lunch",
  one_on_one: "One-on-one",
  call: "Call",
  meeting: "Group meeting",
};

/**
 * One-on-one time restarts the countdown: a lunch, a one-on-one or a call. A group meeting does not — in a
 * group people defend their department and save face.
 */
export const CADENCE_RESTARTING_KINDS = ["lunch", "one_on_one", "call"] as const satisfies readonly InteractionKind[];

export function restartsCadence(kind: InteractionKind): boolean {
  return (CADENCE_RESTARTING_KINDS as readonly InteractionKind[]).includes(kind);
}

export const RELATIONSHIP_STATUS_LABEL: Record<RelationshipStatus, string> = {
  strained: "Strained",
  neutral: "Neutral",
  building: "Building",
  strong: "Strong",
};

/** How the audit log names a relationship: "Gail Porter (Distribution)". */
export function relationshipLabel(r: { counterpartName: string; departmentName: string }): string {
  return `${r.counterpartName} (${r.departmentName})`;
}

export const ACTION_OWNER_LABEL: Record<ActionOwner, string> = { us: "Us", them: "Them" };

export const DEFAULT_CADENCE_DAYS = 30;
export const STARTER_DEPARTMENTS = ["Distribution", "Purchasing", "Finance", "Operations", "Customer service"] as const;

/** A due date is overdue from the day after it: due today is still on time. */
export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}

/**
 * When the next contact is due: the cadence counted from the last lunch, one-on-one or call, or from the day
 * the relationship was added when there has been none yet.
 */
export function contactDue(input: { lastContactOn: string | null; startedOn: string; cadenceDays: number }): string {
  return addDays(input.lastContactOn ?? input.startedOn, input.cadenceDays);
}

/** The latest day of an interaction that restarts the cadence, or null. */
export function lastContact(log: readonly { kind: InteractionKind; occurredOn: string }[]): string | null {
  let latest: string | null = null;
  for (const entry of log) if (restartsCadence(entry.kind) && (latest === null || entry.occurredOn > latest)) latest = entry.occurredOn;
  return latest;
}

export type ContactState = { lastContactOn: string | null; dueOn: string; overdue: boolean; daysLeft: number };

export function contactState(input: { lastContactOn: string | null; startedOn: string; cadenceDays: number }, today: string): ContactState {
  const dueOn = contactDue(input);
  return { lastContactOn: input.lastContactOn, dueOn, overdue: isOverdue(dueOn, today), daysLeft: daysBetween(today, dueOn) };
}
