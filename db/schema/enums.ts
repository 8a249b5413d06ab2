/**
 * The values of the schema's enums, one list each. The pgEnums of db/schema are made from these lists, and the app's
 * types, zod schemas and choices use the same lists, so a value added here reaches both (a migration then adds
 * it to the database). Free of imports: client components may include them (through the lib module that words
 * them), where the schema's modules would bring the ORM along.
 */

/** A member's role in an organisation (lib/permissions.ts says what each may do). */
export const MEMBER_ROLES = ["admin", "leader", "rep"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_STATUSES = ["active", "deactivated"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const CYCLE_STATUSES = ["draft", "open", "closed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** A coaching plan's status (lib/coaching/plans.ts words them). */
export const PLAN_STATUSES = ["active", "done", "dropped"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An internal relationship's status, its interactions' kinds and who owns one of its actions (lib/relationships/rules.ts). */
export const RELATIONSHIP_STATUSES = ["strained", "neutral", "building", "strong"] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];
export const INTERACTION_KINDS = ["lunch", "one_on_one", "call", "meeting"] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const ACTION_OWNERS = ["us", "them"] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

/** What an account's event in the global auth_events log records. */
export const AUTH_EVENT_KINDS = [
  "sign_up",
  "sign_in",
  "sign_in_failed",
  "password_changed",
  "profile_updated",
  "password_reset",
  "email_verified",
  "email_change_requested",
  "email_changed",
] as const;
export type AuthEventKind = (typeof AUTH_EVENT_KINDS)[number];

export const MAIL_STATUSES = ["queued", "sending", "sent", "failed"] as const;

/** What the coaching queue's blind-spot and hidden-strength labels measure (lib/coaching/gap-basis.ts words them). */
export const GAP_BASES = ["raw", "relative"] as const;
export type GapBasis = (typeof GAP_BASES)[number];

/** What a sales measure counts (lib/results/measures.ts words them and formats values). */
export const MEASURE_UNITS = ["percent", "currency", "count", "number"] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** What an organisation's API token may do (lib/results/api-tokens.ts). */
export const API_TOKEN_SCOPES = ["results:write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
