import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { auditEvents, users } from "../schema";

export type AuditEventInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
};

export async function insertAuditEvent(db: DbOrTx, orgId: string, actorUserId: string | null, event: AuditEventInput) {
  await db.insert(auditEvents).values({
    // The moment of the event, not its transaction's start (now()), and after the organisation's latest event, so
    // events of one action keep their order even where the clock ticks in milliseconds (the embedded database).
    createdAt: sql`greatest(clock_timestamp(), (select max(${auditEvents.createdAt}) + interval '1 microsecond' from ${auditEvents} where ${auditEvents.orgId} = ${orgId}))`,
    orgId,
    actorUserId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    targetLabel: event.targetLabel ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

/**
 * Many events in one statement, however many (they travel as one JSON parameter), each a microsecond after the one
 * before it, so they keep the order given.
 */
export async function insertAuditEvents(db: DbOrTx, orgId: string, actorUserId: string | null, events: readonly AuditEventInput[]) {
  if (events.length === 0) return;
  const json = JSON.stringify(
    events.map((e) => ({
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId ?? null,
      target_label: e.targetLabel ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
  await db.execute(sql`
    insert into ${auditEvents} (created_at, org_id, actor_user_id, action, target_type, target_id, target_label, before, after)
    select start.at + (e.n * interval '1 microsecond'), ${orgId}::uuid, ${actorUserId}::uuid, e.action, e.target_type, e.target_id, e.target_label, e.before, e.after
    from (select greatest(clock_timestamp(), (select max(created_at) + interval '1 microsecond' from ${auditEvents} where org_id = ${orgId}::uuid)) as at) start,
      rows from (jsonb_to_recordset(${json}::jsonb) as (action text, target_type text, target_id text, target_label text, before jsonb, after jsonb))
        with ordinality as e(action, target_type, target_id, target_label, before, after, n)`);
}

/** Makes the rest of the transaction read only: the database refuses any write in it (a preview's). */
export async function readOnlyTransaction(db: DbOrTx) {
  await db.execute(sql`set transaction read only`);
}

export type AuditFilter = {
  actorUserId?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  before?: Date;
};

/**
 * One page of the organisation's audit log, newest first, with the actor's current name. Asks for one row
 * more than the page holds, so the caller knows whether an older page exists without counting.
 */
export async function listAuditEvents(db: DbOrTx, orgId: string, filter: AuditFilter, page: { limit: number; offset: number }) {
  return db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetLabel: auditEvents.targetLabel,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.from ? gte(auditEvents.createdAt, filter.from) : undefined,
        filter.before ? lt(auditEvents.createdAt, filter.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(page.limit + 1)
    .offset(page.offset);
}

/**
 * What the log's filters offer, in one query: every (action, actor) pair present in the organisation's log,
 * with the actor's name. The caller folds them into the two lists.
 */
export async function listAuditFilterPairs(db: DbOrTx, orgId: string) {
  return db
    .selectDistinct({ action: auditEvents.action, actorUserId: auditEvents.actorUserId, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(eq(auditEvents.orgId, orgId));
}
