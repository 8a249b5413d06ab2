import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db, type Tx } from "@/db/client";
import { insertAuditEvent, type AuditEventInput } from "@/db/queries/audit";
import { enterOrganisation, inScope } from "@/db/tenant";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { actionInput, parseInput, typedValues } from "./input";
import { failure, refused, Refusal, type ActionState, type Outcome } from "./outcome";
import { signInRedirect } from "./sign-in-redirect";
import { logged, noteWho } from "./log";
import { register, type OpenExpectation } from "./registry";

/**
 * The entries of the action chain that need no organisation membership:
 * - public: anyone (sign-up, sign-in);
 * - account: signed in, acting on their own account (name, password).
 * Both validate their input and run the handler in one transaction behind the database's wall (db/tenant.ts), in no
 * organisation: a public handler that creates one enters it (enterOrganisation); an account's handler may read the
 * person's own memberships.
 */
type Definition<S extends z.ZodType> = {
  name: string;
  input: S;
  /**
   * Actions only, optional: runs on the validated input before the transaction and outside it, so what it records
   * (a rate-limit hit) stays even when the call is refused afterwards. A Refusal it throws ends the call.
   */
  before?: (db: Db, input: z.output<S>, user: SessionUser | null) => Promise<void>;
  expect?: OpenExpectation;
  /**
   * Once the input is valid, answer no sooner than this many milliseconds after the call began, whatever the
   * handler did: an answer that must not tell whether an account exists (forgot password) must not tell it by
   * its timing either. The wait happens after the transaction, holding no connection.
   */
  minDurationMs?: number;
};

export type OpenContext = {
  tx: Tx;
  /** Records an event in an organisation's audit log (e.g. the organisation a sign-up creates). */
  audit(orgId: string, actorUserId: string | null, event: Omit<AuditEventInput, "action"> & { action?: string }): Promise<void>;
};

async function run<S extends z.ZodType, R>(
  def: Definition<S>,
  raw: unknown,
  handler: (ctx: OpenContext, input: z.output<S>) => Promise<R>,
  user: SessionUser | null = null,
): Promise<Outcome<R>> {
  const parsed = parseInput(def.input, raw);
  if (!parsed.ok) return parsed.failure;
  const settled = def.minDurationMs ? settleAfter(def.minDurationMs) : undefined;
  const db: Db = await getDb();
  try {
    await def.before?.(db, parsed.data, user);
    const data = await inScope(db, { userId: user?.id ?? null }, (tx) =>
      handler(
        {
          tx,
          // An organisation's audit log is behind its wall: the entry enters that organisation first.
          audit: async (orgId, actor, event) => {
            await enterOrganisation(tx, orgId);
            await insertAuditEvent(tx, orgId, actor, { action: def.name, ...event });
          },
        },
        parsed.data,
      ),
    );
    return { status: "ok", data };
  } catch (error) {
    if (error instanceof Refusal) return refused(error);
    throw error;
  } finally {
    await settled?.();
  }
}

function settleAfter(ms: number): () => Promise<void> {
  const until = performance.now() + ms;
  return () => new Promise((resolve) => setTimeout(resolve, Math.max(0, until - performance.now())));
}

function toState<R>(outcome: Outcome<R>, raw: unknown): ActionState<R> {
  if (outcome.status === "ok") return { status: "ok", data: outcome.data };
  return { ...outcome, values: typedValues(raw) };
}

/** A server action anyone may call (sign-up). */
export function publicAction<S extends z.ZodType, R>(def: Definition<S>, handler: (ctx: OpenContext, input: z.output<S>) => Promise<R>) {
  const call = logged("action", def.name, (raw: unknown) => run(def, raw, handler));
  async function action(...args: [input: unknown] | [previous: ActionState<R>, form: FormData]) {
    const raw = actionInput(args);
    return toState(await call(raw), raw);
  }
  register({ kind: "action", entry: "public", name: def.name, input: def.input, expect: def.expect, call, fn: action });
  return action;
}

/** The public entry for a route handler's work (sign-in through next-auth's callback route). */
export function publicRoute<S extends z.ZodType, R>(def: Definition<S>, handler: (ctx: OpenContext, input: z.output<S>) => Promise<R>) {
  const call = logged("route", def.name, (raw: unknown) => run(def, raw, handler));
  register({ kind: "route", entry: "public", name: def.name, input: def.input, expect: def.expect, call, fn: call });
  return call;
}

/**
 * A server action on the signed-in person's own account. After success every page is revalidated, unless
 * `revalidate: false` (a password change: the old session is already invalid and the client signs in again first).
 */
export function accountAction<S extends z.ZodType, R>(
  def: Definition<S> & { revalidate?: boolean },
  handler: (ctx: OpenContext & { user: SessionUser }, input: z.output<S>) => Promise<R>,
) {
  const call = logged("action", def.name, async (raw: unknown): Promise<Outcome<R>> => {
    const user = await getSessionUser();
    if (!user) return failure("unauthenticated");
    noteWho({ userId: user.id });
    return run(def, raw, (ctx, input) => handler({ ...ctx, user }, input), user);
  });
  async function action(...args: [input: unknown] | [previous: ActionState<R>, form: FormData]) {
    const raw = actionInput(args);
    const outcome = await call(raw);
    if (outcome.status === "ok" && def.revalidate !== false) revalidatePath("/", "layout"); // e.g. the name in every header
    return toState(outcome, raw);
  }
  register({ kind: "action", entry: "account", name: def.name, input: def.input, expect: def.expect, call, fn: action });
  return action;
}

/** A page loader for the signed-in person's own pages (account, organisation picker). Signed-out: to /login. */
export function accountLoader<S extends z.ZodType, R>(
  def: Omit<Definition<S>, "name"> & { route: string },
  handler: (ctx: { db: Tx; user: SessionUser }, input: z.output<S>) => Promise<R>,
) {
  const call = logged("page", def.route, async (raw: unknown): Promise<Outcome<R>> => {
    const user = await getSessionUser();
    if (!user) return failure("unauthenticated");
    noteWho({ userId: user.id });
    const parsed = parseInput(def.input, raw);
    if (!parsed.ok) return parsed.failure;
    return { status: "ok", data: await inScope(await getDb(), { userId: user.id }, (tx) => handler({ db: tx, user }, parsed.data)) };
  });
  async function load(raw: unknown = {}): Promise<R> {
    const outcome = await call(raw);
    if (outcome.status === "ok") return outcome.data;
    if (outcome.code === "unauthenticated") return redirect(await signInRedirect(def.route));
    return notFound();
  }
  register({ kind: "page", entry: "account", name: def.route, input: def.input, expect: def.expect, call, fn: load });
  return load;
}
