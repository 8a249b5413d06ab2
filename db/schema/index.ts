export * from "./accounts";
export * from "./organisations";
export * from "./audit";
export * from "./framework";
export * from "./assessments";
export * from "./relationships";
export * from "./coaching";
export * from "./reminders";
export * from "./mail";
export * from "./calibration";

/**
 * Tables that belong to no organisation. Every other table is a tenant table and must follow the
 * scale-out rules (org_id in its primary key, foreign keys and unique constraints); the catalog test checks.
 */
export const GLOBAL_TABLES = [
  "users",
  "auth_events",
  "throttles",
  "ended_sessions",
  "account_mail_outbox",
  "password_reset_tokens",
  "email_change_tokens",
] as const;
/** The tenant root: its own id is the org_id of everything else. */
export const TENANT_ROOT_TABLE = "organisations";
/** Tables that keep history: no foreign key into them may cascade on delete. */
export const HISTORY_TABLES = ["audit_events", "ratings", "self_ratings", "assessments", "interactions"] as const;
export * from "./results";
export * from "./tallies";
