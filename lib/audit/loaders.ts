import "server-only";
import { listAuditEvents, listAuditFilterPairs, type AuditFilter } from "@/db/queries/audit";
import { memberLoader } from "@/lib/chain/member";
import { AUDIT_PAGE_SIZE, auditSearchSchema } from "@/lib/schemas/audit";
import { startOfDayInZone, startOfNextDayInZone } from "@/lib/dates";
import { auditActionLabel, describeAuditEvent } from "./sentences";

type Option = { value: string; label: string };

/**
 * The audit log: the organisation's events, newest first, a page at a time, filtered by person, action and a
 * date range in the organisation's time zone. Two queries whatever the page shows: the filter options, then
 * the page of events.
 */
export const loadAuditLog = memberLoader(
  {
    route: "/o/[slug]/audit",
    permission: "org.audit",
    input: auditSearchSchema,
    expect: { allow: ["admin"] },
  },
  async ({ db, org }, search) => {
    const notices = search.ignored.map((field) => `The “${field}” value in the address is not valid, so it was ignored.`);

    const pairs = await listAuditFilterPairs(db, org.id);
    const actors = new Map<string, string>();
    const actions = new Set<string>();
    for (const pair of pairs) {
      actions.add(pair.action);
      if (pair.actorUserId) actors.set(pair.actorUserId, pair.actorName ?? "Unknown person");
    }

    const applied = { actor: search.actor, action: search.action, from: search.from, to: search.to };
    if (applied.actor && !actors.has(applied.actor)) {
      notices.push("The person chosen in the address has no entries in this log, so that filter was ignored.");
      applied.actor = undefined;
    }
    if (applied.action && !actions.has(applied.action)) {
      notices.push("The action chosen in the address has no entries in this log, so that filter was ignored.");
      applied.action = undefined;
    }
    if (applied.from && applied.to && applied.from > applied.to) {
      notices.push("The “From” date is after the “To” date, so no entry can match.");
    }

    const filter: AuditFilter = {
      actorUserId: applied.actor,
      action: applied.action,
      from: applied.from ? startOfDayInZone(applied.from, org.timeZone) : undefined,
      before: applied.to ? startOfNextDayInZone(applied.to, org.timeZone) : undefined,
    };
    const rows = await listAuditEvents(db, org.id, filter, {
      limit: AUDIT_PAGE_SIZE,
      offset: (search.page - 1) * AUDIT_PAGE_SIZE,
    });

    const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);
    return {
      org: { slug: org.slug, name: org.name, timeZone: org.timeZone },
      filters: applied,
      filtered: Boolean(applied.actor || applied.action || applied.from || applied.to),
      options: {
        actors: [...actors].map(([value, label]) => ({ value, label })).sort(byLabel),
        actions: [...actions].map((value) => ({ value, label: auditActionLabel(value) })).sort(byLabel),
      },
      notices,
      page: search.page,
      hasNewer: search.page > 1,
      hasOlder: rows.length > AUDIT_PAGE_SIZE,
      events: rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        action: row.action,
        actorUserId: row.actorUserId,
        sentence: describeAuditEvent(row),
        before: row.before,
        after: row.after,
      })),
    };
  },
);

export type AuditLog = Awaited<ReturnType<typeof loadAuditLog>>;
