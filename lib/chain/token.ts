import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { insertAuditEvent, type AuditEventInput } from "@/db/queries/audit";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { inScope } from "@/db/tenant";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { isSlug } from "@/lib/organisations/slug";
import { hashToken } from "@/lib/tokens";
import { actionInput, parseInput, typedValues } from "./input";
import { failure, refused, Refusal, type ActionState, type Outcome } from "./outcome";
import { logged, noteWho } from "./log";
import { register, type TokenExpectation } from "./registry";
import type { Organisation } from "./member";

/**
 * The token entry of the action chain, for links that work without membership (invites, check-ins):
 * the organisation named in the URL -> the token looked up, by its hash, inside that organisation ->
 * validated input -> the handler in a transaction -> audit. An unknown organisation and an unknown token
 * (or a token of another organisation) get the same "not_found": the link is invalid. The lookup and the handler run
 * behind the database's wall in the organisation of the URL's slug (db/tenant.ts).
 */
type Definition<S extends z.ZodType, T> = {
  name: string;
  input: S;
  /** Finds the token's record in the organisation; undefined when there is none. */
  lookup: (db: DbOrTx, orgId: string, tokenHash: string) => Promise<T | undefined>;
  /**
   * Actions only, optional: runs for a link that exists, before the transaction and outside it, so what it
   * records (a rate-limit hit) stays even when the call is refused afterwards. A Refusal it throws ends the call.
   * Outside a transaction it is outside the organisation too (db/tenant.ts): global tables only (throttles).
   */
  before?: (db: DbOrTx, found: { org: Organisation; record: T }) => Promise<void>;
  /** Actions only: skip revalidating the organisation's pages after success (the form shows its own result). */
  revalidate?: boolean;
  expect: TokenExpectation;
};

export type TokenContext<T> = { org: Organisation; record: T; user: SessionUser | null };
export type TokenActionContext<T> = TokenContext<T> & {
  tx: Tx;
  audit(actorUserId: string | null, event: Omit<AuditEventInput, "action"> & { action?: string }): Promise<void>;
};

async function resolve<T>(db: DbOrTx, def: Pick<Definition<z.ZodType, T>, "lookup">, slug: unknown, token: unknown) {
  if (!isSlug(slug) || typeof token !== "string" || token.length > 200) return undefined;
  const org = await findOrganisationBySlug(db, slug);
  if (!org) return undefined;
  const record = await def.lookup(db, org.id, hashToken(token));
  return record ? { org: { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone, blindMode: org.blindMode }, record } : undefined;
}

/** Reads what a token page shows. No transaction, no writes. */
export function tokenLoader<S extends z.ZodType, T, R>(
  def: Omit<Definition<S, T>, "name" | "before" | "revalidate"> & { route: string },
  handler: (ctx: TokenContext<T> & { db: DbOrTx }, input: z.output<S>) => Promise<R>,
) {
  const call = logged("page", def.route, async (slug: unknown, token: unknown, raw: unknown = {}): Promise<Outcome<R>> => {
    if (!isSlug(slug)) return failure("not_found", "This link is not valid.");
    const user = await getSessionUser();
    return inScope(await getDb(), { slug, userId: user?.id }, async (tx): Promise<Outcome<R>> => {
      const found = await resolve(tx, def, slug, token);
      if (!found) return failure("not_found", "This link is not valid.");
      noteWho({ orgId: found.org.id });
      const parsed = parseInput(def.input, raw);
      if (!parsed.ok) return parsed.failure;
      return { status: "ok", data: await handler({ ...found, db: tx, user }, parsed.data) };
    });
  });
  register({ kind: "page", entry: "token", name: def.route, input: def.input, expect: def.expect, call, fn: call });
  return call;
}

/** A server action on a link: `action(slug, token, previousState, formData)` or `action(slug, token, input)`. */
export function tokenAction<S extends z.ZodType, T, R>(
  def: Definition<S, T>,
  handler: (ctx: TokenActionContext<T>, input: z.output<S>) => Promise<R>,
) {
  const call = logged("action", def.name, async (slug: unknown, token: unknown, raw: unknown): Promise<Outcome<R>> => {
    if (!isSlug(slug)) return failure("not_found", "This link is not valid.");
    const parsed = parseInput(def.input, raw);
    const db = await getDb();
    const user = await getSessionUser();
    const scope = { slug, userId: user?.id };
    try {
      if (def.before) {
        const found = await inScope(db, scope, (tx) => resolve(tx, def, slug, token));
        if (!found) return failure("not_found", "This link is not valid.");
        await def.before(db, found);
      }
      return await inScope(db, scope, async (tx) => {
        const found = await resolve(tx, def, slug, token);
        if (!found) return failure("not_found", "This link is not valid.");
        if (!parsed.ok) return parsed.failure;
        noteWho({ orgId: found.org.id, userId: user?.id });
        const ctx: TokenActionContext<T> = {
          ...found,
          user,
          tx,
          audit: (actor, event) => insertAuditEvent(tx, found.org.id, actor, { action: def.name, ...event }),
        };
        return { status: "ok" as const, data: await handler(ctx, parsed.data) };
      });
    } catch (error) {
      if (error instanceof Refusal) return refused(error);
      throw error;
    }
  });

  async function action(slug: string, token: string, ...args: [input: unknown] | [previous: ActionState<R>, form: FormData]) {
    const raw = actionInput(args);
    const outcome = await call(slug, token, raw);
    if (outcome.status !== "ok") return { ...outcome, values: typedValues(raw) } as ActionState<R>;
    if (def.revalidate !== false) revalidatePath(`/o/${slug}`, "layout");
    return { status: "ok", data: outcome.data } as ActionState<R>;
  }

  register({ kind: "action", entry: "token", name: def.name, input: def.input, expect: def.expect, call, fn: action });
  return action;
}
