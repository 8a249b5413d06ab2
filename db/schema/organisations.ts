import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAtColumn } from "./columns";
import { GAP_BASES, MEMBER_ROLES, MEMBER_STATUSES } from "./enums";

export const gapBasis = pgEnum("gap_basis", GAP_BASES);

/** The tenant root: every tenant table carries its id as org_id. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** URL segment: /o/{slug}/... */
    slug: text().notNull().unique(),
    name: text().notNull(),
    /** IANA zone; due dates and "overdue" are computed in it. */
    timeZone: text().notNull(),
    /** Blind mode: self and leader ratings stay hidden from each other until submitted and shared. */
    blindMode: boolean().notNull().default(true),
    /** When an admin confirmed the behaviour list ("these predict success in our business"). */
    frameworkConfirmedAt: timestamp({ withTimezone: true }),
    /** Coaching labels (gap = self - leader): blind spot when gap >= this. */
    blindSpotGap: smallint().notNull().default(2),
    /** Hidden strength when gap <= -this. */
    hiddenStrengthGap: smallint().notNull().default(2),
    /** Agreed weakness when both scores are <= this. */
    agreedWeaknessMax: smallint().notNull().default(2),
    /** Agreed strength when both scores are >= this. */
    agreedStrengthMin: smallint().notNull().default(4),
    /**
     * What the queue's blind-spot and hidden-strength labels measure: the raw gap, or the gap relative to the rep's
     * overall tendency (their mean self-minus-leader gap), so a rep who rates everything high is not all blind spots.
     */
    gapBasis: gapBasis().notNull().default("raw"),
    /** A rep with no 1:1 note for longer than this many days is flagged. */
    oneOnOneCadenceDays: integer().notNull().default(14),
    createdAt: createdAtColumn(),
  },
  (t) => [
    check("organisations_coaching_gaps", sql`${t.blindSpotGap} between 1 and 4 and ${t.hiddenStrengthGap} between 1 and 4`),
    check(
      "organisations_coaching_agreed",
      sql`${t.agreedWeaknessMax} between 1 and 5 and ${t.agreedStrengthMin} between 1 and 5 and ${t.agreedWeaknessMax} < ${t.agreedStrengthMin}`,
    ),
    check("organisations_one_on_one_cadence", sql`${t.oneOnOneCadenceDays} between 1 and 365`),
  ],
);

/** The tenant key of every tenant table: part of its primary key and of every foreign key (scale-out rule). */
export const orgIdColumn = () =>
  uuid()
    .notNull()
    .references(() => organisations.id);

/**
 * An organisation's data revision. Database triggers (migration 0007) move it whenever the organisation's data
 * changes: any row of a tenant table except the audit log, the organisation's own row, or the name or email of one
 * of its members. Page loaders may cache their result per revision (lib/chain/revision-cache.ts): a result is
 * reused only while nothing it could have read has changed, on any app instance. A table of its own, not a column
 * of organisations, so that on Citus the bump stays on the tenant's shard.
 */
export const orgRevisions = pgTable(
  "org_revisions",
  {
    orgId: orgIdColumn(),
    /**
     * The revision is the sum of an organisation's slots. A writing transaction bumps the slot of its database
     * connection (backend pid mod 16, migration 0018) and holds that row's lock until it commits: eight leaders
     * saving at once bump different rows instead of queueing on one.
     */
    slot: smallint().notNull().default(0),
    revision: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.slot] })],
);

/**
 * Tenant tables the database keeps for itself: not the organisation's data, so no export or copy includes them (the
 * tallies are derived from the ratings, and a copy's own triggers rebuild them).
 */
export const BOOKKEEPING_TABLES: readonly string[] = ["org_revisions", "mail_outbox", "team_tallies", "rep_tallies", "rep_cycle_tallies"];

export const memberRole = pgEnum("member_role", MEMBER_ROLES);
export const memberStatus = pgEnum("member_status", MEMBER_STATUSES);

export const teams = pgTable(
  "teams",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex("teams_org_name_uq").on(t.orgId, sql`lower(${t.name})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: orgIdColumn(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: memberRole().notNull(),
    status: memberStatus().notNull().default("active"),
    /** A rep's one team. Leaders lead teams through team_leaders instead. */
    teamId: uuid(),
    createdAt: createdAtColumn(),
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index("memberships_org_team_idx").on(t.orgId, t.teamId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const teamLeaders = pgTable(
  "team_leaders",
  {
    orgId: orgIdColumn(),
    teamId: uuid().notNull(),
    userId: uuid().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }),
    index("team_leaders_org_user_idx").on(t.orgId, t.userId),
  ],
);

/**
 * Invite links: /o/{slug}/join/{token}. Only the token's SHA-256 is stored; the link is shown once, at creation.
 * `uses` is incremented atomically on acceptance, so a single-use link can never be accepted twice.
 */
export const invites = pgTable(
  "invites",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    tokenHash: text().notNull(),
    role: memberRole().notNull(),
    teamId: uuid(),
    /** When set, only this email (case-insensitive; stored lower-cased) may accept. */
    email: text(),
    maxUses: integer().notNull().default(1),
    uses: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid().notNull(),
    createdAt: createdAtColumn(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid(),
    /** When the link was last mailed to `email`. Each sending makes a new token: only the hash is ever kept. */
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("invites_org_token_uq").on(t.orgId, t.tokenHash),
    index("invites_org_created_idx").on(t.orgId, t.createdAt),
    // The addresses of an import, looked up among the organisation's invites (findPeopleByEmail). On the column itself,
    // which is stored lower-cased: behind row-level security a lookup through lower() cannot use an index.
    index("invites_org_email_idx").on(t.orgId, t.email),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.revokedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  ],
);

/**
 * The further teams a leader's invite makes them lead, beyond `invites.team_id` (a spreadsheet row may name several
 * teams for one leader). Accepting the invite makes the person a leader of `team_id` and of each of these.
 */
export const inviteLedTeams = pgTable(
  "invite_led_teams",
  {
    orgId: orgIdColumn(),
    inviteId: uuid().notNull(),
    teamId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.inviteId, t.teamId] }),
    foreignKey({ columns: [t.orgId, t.inviteId], foreignColumns: [invites.orgId, invites.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index("invite_led_teams_org_team_idx").on(t.orgId, t.teamId),
  ],
);
