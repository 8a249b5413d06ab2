import "server-only";
import { sql } from "drizzle-orm";
import type { PgTransactionConfig } from "drizzle-orm/pg-core";
import type { Db, DbOrTx, Tx } from "./client";

/**
 * The database's own wall between organisations (row-level security, migration 0011, docs/rls.md).
 *
 * Every tenant table answers only for the organisation named in the transaction's `app.org_id`, and only to a role
 * that is held by its policies: the app works as `coachgrid_app`, which owns nothing. Both are set per transaction
 * (`set_config(…, true)`, i.e. SET LOCAL), so nothing outlives the transaction on a pooled connection (PgBouncer in
 * transaction mode) and a connection handed back to the pool carries no organisation.
 */
export const APP_ROLE = "coachgrid_app";

export type TenantScope = {
  /** The organisation, by id or by the slug in the URL (resolved in the same statement). Neither: no organisation. */
  orgId?: string;
  slug?: string;
  /** The signed-in person: lets the transaction read their own memberships in every organisation (the picker). */
  userId?: string | null;
};

/** Switches the transaction to the app's role and names its organisation and person. One statement. */
async function enterScope(tx: Tx, { orgId, slug, userId }: TenantScope): Promise<void> {
  await tx.execute(sql`select
    set_config('role', ${APP_ROLE}, true),
    set_config('app.user_id', ${userId ?? ""}, true),
    set_config('app.org_id', coalesce(${orgId ?? null}::text, (select id::text from organisations where slug = ${slug ?? null}::text), ''), true)`);
}

/**
 * Names the organisation a transaction works in from now on: a sign-up's new organisation, or a seed's (the wall is
 * forced, so an owner that is no superuser writes an organisation's rows only inside it).
 */
export async function enterOrganisation(tx: DbOrTx, orgId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
}

/** Runs `fn` in a transaction behind the wall: the app's role, the organisation and the person of `scope`. */
export function inScope<T>(db: Db, scope: TenantScope, fn: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  return db.transaction(async (tx) => {
    await enterScope(tx, scope);
    return fn(tx);
  }, config);
}

/**
 * The mail worker's one path across organisations: the app's role, no organisation, and `app.mail_worker` on, which
 * the `mail_worker` policy lets through on mail_outbox and no other table (migration 0011).
 */
export function asMailWorker<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.mail_worker', 'on', true)`);
    return fn(tx);
  });
}
