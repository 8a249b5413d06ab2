import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cycles } from "./framework";
import { memberships, orgIdColumn } from "./organisations";
import { createdAtColumn } from "./columns";
import { API_TOKEN_SCOPES, MEASURE_UNITS } from "./enums";

export const measureUnit = pgEnum("measure_unit", MEASURE_UNITS);
export const apiTokenScope = pgEnum("api_token_scope", API_TOKEN_SCOPES);

/**
 * A sales result the organisation tracks per rep and cycle (quota attainment, win rate, revenue…), so the behaviours
 * can be checked against it. At most one is the organisation's main measure, shown beside each behaviour.
 */
export const measures = pgTable(
  "measures",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    unit: measureUnit().notNull(),
    /** ISO 4217 code, only for a currency measure. */
    currencyCode: text(),
    higherIsBetter: boolean().notNull().default(true),
    isMain: boolean().notNull().default(false),
    position: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("measures_org_name_uq").on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex("measures_org_one_main_uq")
      .on(t.orgId)
      .where(sql`${t.isMain}`),
    check(
      "measures_currency_code",
      sql`(${t.unit} = 'currency') = (${t.currencyCode} is not null) and (${t.currencyCode} is null or ${t.currencyCode} ~ '^[A-Z]{3}$')`,
    ),
  ],
);

/** A rep's value of one measure in one cycle. */
export const results = pgTable(
  "results",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    measureId: uuid().notNull(),
    value: doublePrecision().notNull(),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId, t.measureId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.measureId], foreignColumns: [measures.orgId, measures.id] }),
    foreignKey({ columns: [t.orgId, t.updatedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("results_value_finite", sql`${t.value} <> 'NaN'::double precision and abs(${t.value}) < 'Infinity'::double precision`),
    index("results_org_measure_cycle_idx").on(t.orgId, t.measureId, t.cycleId),
  ],
);

/**
 * A token a CRM export job sends as `Authorization: Bearer …`. Only its SHA-256 is stored; the token is shown once.
 * `updatedBy` of a result written with it is null, and the audit event names the token.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** The token's first characters, so an admin can tell tokens apart. */
    prefix: text().notNull(),
    scopes: apiTokenScope().array().notNull(),
    createdBy: uuid().notNull(),
    createdAt: createdAtColumn(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("api_tokens_org_token_uq").on(t.orgId, t.tokenHash),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  ],
);
