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
import { memberships, organisations } from "./organisations";

/** The peer departments sales depends on (distribution, purchasing, finance, ...). Admins edit the list. */
export const departments = pgTable(
  "departments",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex("departments_org_name_uq").on(t.orgId, sql`lower(${t.name})`)],
);

export const relationshipStatus = pgEnum("relationship_status", ["strained", "neutral", "building", "strong"]);

/**
 * One leader's relationship with a counterpart in a peer department. The owner keeps it; admins see every one.
 * Dates a person picks (next step due) are calendar days in the organisation's time zone.
 */
export const relationships = pgTable(
  "relationships",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.departmentId], foreignColumns: [departments.orgId, departments.id] }),
    check("relationships_trust_range", sql`${t.trust} between 1 and 5`),
    check("relationships_cadence_range", sql`${t.cadenceDays} between 1 and 365`),
    index("relationships_org_owner_idx").on(t.orgId, t.ownerUserId),
    uniqueIndex("relationships_org_one_priority_uq").on(t.orgId, t.ownerUserId).where(sql`${t.priority}`),
  ],
);

/** "What are our joint goals?": each open or achieved. */
export const relationshipGoals = pgTable(
  "relationship_goals",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    id: uuid().notNull().defaultRandom(),
    relationshipId: uuid().notNull(),
    text: text().notNull(),
    achievedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    index("relationship_goals_org_relationship_idx").on(t.orgId, t.relationshipId),
  ],
);

export const interactionKind = pgEnum("interaction_kind", ["lunch", "one_on_one", "call", "meeting"]);

/** The interaction log: what happened, both "makes you crazy" answers, and the trust after it. History. */
export const interactions = pgTable(
  "interactions",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    foreignKey({ columns: [t.orgId, t.loggedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("interactions_trust_range", sql`${t.trustAfter} between 1 and 5`),
    index("interactions_org_relationship_idx").on(t.orgId, t.relationshipId, t.occurredOn),
  ],
);

export const actionOwner = pgEnum("action_owner", ["us", "them"]);

/** Small actions, often from a friction point of an interaction: who does it, by when, done or not. */
export const relationshipActions = pgTable(
  "relationship_actions",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    id: uuid().notNull().defaultRandom(),
    relationshipId: uuid().notNull(),
    /** The interaction whose friction point it came from, if any. */
    interactionId: uuid(),
    description: text().notNull(),
    owner: actionOwner().notNull(),
    dueOn: date().notNull(),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.relationshipId], foreignColumns: [relationships.orgId, relationships.id] }),
    foreignKey({ columns: [t.orgId, t.interactionId], foreignColumns: [interactions.orgId, interactions.id] }),
    index("relationship_actions_org_relationship_idx").on(t.orgId, t.relationshipId),
  ],
);
