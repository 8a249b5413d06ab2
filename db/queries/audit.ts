import type { DbOrTx } from "../client";
import { auditEvents } from "../schema";

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
