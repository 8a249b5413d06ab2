import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAtColumn } from "./columns";
import { orgIdColumn } from "./organisations";

/** What changed in an organisation, by whom. Written by the action chain, never by hand. */
export const auditEvents = pgTable(
  "audit_events",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    actorUserId: uuid().references(() => users.id),
    /** The registered action name, e.g. "org.updateSettings". */
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    /** Human label of the target at the time ("Team East"), for readable log sentences. */
    targetLabel: text(),
    before: jsonb(),
    after: jsonb(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index("audit_events_org_time_idx").on(t.orgId, t.createdAt)],
);
