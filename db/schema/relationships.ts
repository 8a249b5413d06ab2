import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
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
import { memberships, orgIdColumn } from "./organisations";
import { createdAtColumn } from "./columns";
import { ACTION_OWNERS, INTERACTION_KINDS, RELATIONSHIP_STATUSES } from "./enums";

/** The peer departments sales depends on (distribution, purchasing, finance, ...). Admins edit the list. */
export const departments = pgTable(
  "departments",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex("departments_org_name_uq").on(t.orgId, sql`lower(${t.name})`)],
);

export const relationshipStatus = pgEnum("relationship_status", RELATIONSHIP_STATUSES);

/**
 * One leader's relationship with a counterpart in a peer department. The owner keeps it; admins see every one.
 * Dates a person picks (next step due) are calendar days in the organisation's time zone.
 */
export const relationships = pgTable(
  "relationships",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    ownerUserId: uuid().notNull(),
    departmentId: uuid().notNull(),
    counterpartName: text().notNull(),
    counterpartTitle: text(),
    status: relationshipStatus().notNull().default("neutral"),
    /** The current trust level, 1-5: set when created or edited, and by each interaction's "trust after". */
    trust: smallint().notNull(),
    /** "The first relationship to develop": at most one per owner. */
    priority: boolean().notNull().default(false),
    nextStep: text(),
    nextStepDue: date(),
    /** Contact every this many days; a lunch, a one-on-one or a call restarts the countdown. */
    cadenceDays: integer().notNull().default(30),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.departmentId], foreignColumns: [departments.orgId, departments.id] }),
    check("relationships_trust_range", sql`${t.trust} between 1 and 5`),
    check("relationships_cadence_range", sql`${t.cadenceDays} between 1 and 365`),
    index("relationships_org_owner_idx").on(t.orgId, t.ownerUserId),
    uniqueIndex("relationships_org_one_priority_uq")
      .on(t.orgId, t.ownerUserId)
      .where(sql`${t.priority}`),
  ],
);

/** "What are our joint goals?": each open or achieved. */
export const relationshipGoals = pgTable(
  "relationship_goals",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    relationshipId: uuid().notNull(),
    text: text().notNull(),
    achievedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    index("relationship_goals_org_relationship_idx").on(t.orgId, t.relationshipId),
  ],
);

export const interactionKind = pgEnum("interaction_kind", INTERACTION_KINDS);

/** The interaction log: what happened, both "makes you crazy" answers, and the trust after it. History. */
export const interactions = pgTable(
  "interactions",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    relationshipId: uuid().notNull(),
    kind: interactionKind().notNull(),
    occurredOn: date().notNull(),
    /** "What we do that makes them crazy." */
    weFrustrateThem: text(),
    /** "What they do that makes us crazy." */
    theyFrustrateUs: text(),
    notes: text(),
    trustAfter: smallint().notNull(),
    loggedBy: uuid().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    foreignKey({ columns: [t.orgId, t.loggedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("interactions_trust_range", sql`${t.trustAfter} between 1 and 5`),
    index("interactions_org_relationship_idx").on(t.orgId, t.relationshipId, t.occurredOn),
  ],
);

/**
 * Two-way check-in links: /o/{slug}/check-in/{token}. The counterpart answers once, without an account.
 * Only the token's SHA-256 is stored. The answer lives on the row; `answeredAt` is claimed atomically,
 * so a link takes exactly one response.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    relationshipId: uuid().notNull(),
    tokenHash: text().notNull(),
    createdBy: uuid().notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid(),
    answeredAt: timestamp({ withTimezone: true }),
    /** The counterpart's trust in sales, 1-5. */
    trust: smallint(),
    /** "What does sales do that makes you crazy?" */
    salesFrustratesUs: text(),
    /** "What would help most?" */
    wouldHelp: text(),
    /** Optional: the name the respondent confirmed. */
    respondentName: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("check_ins_org_token_uq").on(t.orgId, t.tokenHash),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.revokedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("check_ins_trust_range", sql`${t.trust} between 1 and 5`),
    index("check_ins_org_relationship_idx").on(t.orgId, t.relationshipId),
  ],
);

export const actionOwner = pgEnum("action_owner", ACTION_OWNERS);

/** Small actions, often from a friction point of an interaction: who does it, by when, done or not. */
export const relationshipActions = pgTable(
  "relationship_actions",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    relationshipId: uuid().notNull(),
    /** The interaction whose friction point it came from, if any. */
    interactionId: uuid(),
    /** The check-in answer whose friction point it came from, if any. */
    checkInId: uuid(),
    description: text().notNull(),
    owner: actionOwner().notNull(),
    dueOn: date().notNull(),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    foreignKey({ columns: [t.orgId, t.interactionId], foreignColumns: [interactions.orgId, interactions.id] }),
    foreignKey({ columns: [t.orgId, t.checkInId], foreignColumns: [checkIns.orgId, checkIns.id] }),
    index("relationship_actions_org_relationship_idx").on(t.orgId, t.relationshipId),
  ],
);
