import { revalidatePath } from "next/cache";
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, withUnnamedStatements, type DbOrTx, type Tx } from "@/db/client";
import { insertAuditEvent, insertAuditEvents, readOnlyTransaction, type AuditEventInput } from "@/db/queries/audit";
import { findMemberContext } from "@/db/queries/organisations";
import { inScope } from "@/db/tenant";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { isSlug } from "@/lib/organisations/slug";
import { can, needsTarget, roleMay, type Member, type Permission, type Target } from "@/lib/permissions";
import { actionInput, parseInput, typedValues } from "./input";
import { failure, refused, Refusal, type ActionState, type Outcome } from "./outcome";
import { logged, noteWho } from "./log";
import { register, type MemberExpectation } from "./registry";
import { perRevision } from "./revision-cache";
import { routePath, signInRedirect } from "./sign-in-redirect";

export type Organisation = { id: string; slug: string; name: string; timeZone: string; blindMode: boolean };

export type MemberContext = {
  /** For actions, the transaction the whole call runs in. */
  db: DbOrTx;
  /** With the organisation's data revision as the request read it (see lib/chain/revision-cache.ts). */
  org: Organisation & { revision: number };
  member: Member;
  user: SessionUser;
};

export type ActionContext = MemberContext & {
  /** Records what the action changed. Every member action must record at least one event. */
  audit(event: Omit<AuditEventInput, "action"> & { action?: string }): Promise<void>;
  /** Records many events in one statement, in the order given (an import's per-membership events). */
  auditAll(events: readonly (Omit<AuditEventInput, "action"> & { action?: string })[]): Promise<void>;
};

type Definition<S extends z.ZodType> = {
  permission: Permission;
  input: S;
  /** Skip revalidating the organisation's pages after success (the grid patches its own state). */
  revalidate?: boolean;
  /**
   * An action that changes nothing (a preview): its transaction is read only, so the database refuses any write,
   * and it records no audit event and revalidates no page.
   */
  readOnly?: boolean;
  /** The target the permission's relation is checked against, when the role's rule needs one. */
  target?: (input: z.output<S>, ctx: MemberContext) => Target | Promise<Target>;
  expect: MemberExpectation;
  /**
   * For an entry only some deployments serve (the benchmark's): while it returns false, every call answers
   * not_found before anything else, so the page is a 404 and the action does nothing, for everyone.
   */
  served?: () => boolean;
};

type ReadMembership = (tx: Tx, slug: string, userId: string) => ReturnType<typeof findMemberContext>;

/** An action reads the membership afresh on every call. */
const readMembership: ReadMembership = findMemberContext;

/**
 * A page reads it once per request: its layout and the page itself both run the chain, each in its own
 * transaction, and share the first one's read (React's request-scoped cache, which lives as long as one render).
 */
const membershipReadsOfRequest = cache(() => new Map<string, ReturnType<typeof findMemberContext>>());
const readMembershipOnce: ReadMembership = (tx, slug, userId) => {
  const reads = membershipReadsOfRequest();
  const key = JSON.stringify([slug, userId]);
  const read = reads.get(key) ?? findMemberContext(tx, slug, userId);
  reads.set(key, read);
  return read;
};

/**
 * The member entry of the action chain: signed in -> member of the organisation in the URL (membership
 * reloaded from the database for every request) -> the declared permission -> validated input -> the handler.
 * Unknown organisations and non-members get the same "not_found"; a deactivated membership is no membership.
 * Everything after the session runs in one transaction behind the database's wall (db/tenant.ts): the app's role,
 * the organisation of the URL's slug, the person. A Refusal rolls it back.
 */
async function runAsMember<S extends z.ZodType, R>(
  def: Definition<S>,
  slug: unknown,
  raw: unknown,
  handler: (ctx: MemberContext & { db: Tx }, input: z.output<S>) => Promise<R>,
  membership: ReadMembership = readMembership,
): Promise<Outcome<R>> {
  if (def.served && !def.served()) return failure("not_found");
  const user = await getSessionUser();
  if (!user) return failure("unauthenticated");
  noteWho({ userId: user.id });
  if (!isSlug(slug)) return failure("not_found");

  try {
    return await inScope(await getDb(), { slug, userId: user.id }, async (tx): Promise<Outcome<R>> => {
      const found = await membership(tx, slug, user.id);
      if (!found || found.status !== "active") return failure("not_found");
      noteWho({ orgId: found.orgId });

      const member: Member = { userId: user.id, role: found.role, teamId: found.teamId, ledTeamIds: found.ledTeamIds };
      if (!roleMay(member.role, def.permission)) return failure("forbidden");

      const parsed = parseInput(def.input, raw);
      if (!parsed.ok) return parsed.failure;

      const org: MemberContext["org"] = {
        id: found.orgId,
        slug: found.slug,
        name: found.orgName,
        timeZone: found.timeZone,
        blindMode: found.blindMode,
        revision: found.revision,
      };
      const ctx = { db: tx, org, member, user };
      if (needsTarget(member.role, def.permission)) {
        const target = def.target ? await def.target(parsed.data, ctx) : {};
        if (!can(member, def.permission, target)) return failure("forbidden");
      }
      return { status: "ok", data: await handler(ctx, parsed.data) };
    });
  } catch (error) {
    if (error instanceof Refusal) return refused(error);
    throw error;
  }
}

/**
 * A server action for members. Call it as `action(slug, input)` or bind the slug for a form:
 * `useActionState(action.bind(null, slug), idle)`. The handler runs in one transaction; a Refusal rolls it back.
 */
export function memberAction<S extends z.ZodType, R = void>(
  def: Definition<S> & { name: string },
  handler: (ctx: ActionContext, input: z.output<S>) => Promise<R>,
) {
  const call = logged("action", def.name, (slug: unknown, raw: unknown) =>
    runAsMember(def, slug, raw, async (ctx, input) => {
      if (def.readOnly) await readOnlyTransaction(ctx.db);
      let audited = 0;
      const actionCtx: ActionContext = {
        ...ctx,
        audit: async (event) => {
          audited += 1;
          await insertAuditEvent(ctx.db, ctx.org.id, ctx.user.id, { action: def.name, ...event });
        },
        auditAll: async (events) => {
          audited += events.length;
          await insertAuditEvents(
            ctx.db,
            ctx.org.id,
            ctx.user.id,
            events.map((event) => ({ action: def.name, ...event })),
          );
        },
      };
      const result = await handler(actionCtx, input);
      if (audited === 0 && !def.readOnly) throw new Error(`${def.name} changed data without recording an audit event`);
      return result;
    }),
  );

  async function action(slug: string, ...args: [input: unknown] | [previous: ActionState<R>, form: FormData]) {
    const raw = actionInput(args);
    const outcome = await call(slug, raw);
    if (outcome.status !== "ok") return { ...outcome, values: typedValues(raw) } as ActionState<R>;
    if (def.revalidate !== false && !def.readOnly) revalidatePath(`/o/${slug}`, "layout"); // every page of the organisation shows the change
    return { status: "ok", data: outcome.data } as ActionState<R>;
  }

  register({
    kind: "action",
    entry: "member",
    name: def.name,
    permission: def.permission,
    input: def.input,
    expect: def.expect,
    served: def.served,
    readOnly: def.readOnly,
    call,
    fn: action,
  });
  return action;
}

/**
 * A page (or layout) loader for members: the same chain, read-only, answering refusals the way pages do:
 * sign in, 404 or 403.
 */
export function memberLoader<S extends z.ZodType, R>(
  def: Definition<S> & {
    kind?: "page" | "layout";
    route: string;
    /** Reads worth a trace (a full data export) record this audit event once access is granted, before reading. */
    audit?: { action: string; targetType: string };
    /**
     * Reuse the result while the organisation's data revision stays the same (lib/chain/revision-cache.ts). Only for
     * a result made of the organisation's data, the member and the input alone: never of the clock. A function
     * decides per request (the overview caches an admin's, not a leader's, which counts days).
     */
    cachePerRevision?: boolean | ((ctx: MemberContext) => boolean);
  },
  handler: (ctx: MemberContext, input: z.output<S>) => Promise<R>,
) {
  const kind = def.kind ?? "page";
  // A page's reads are planned for the values at hand, not prepared (db/client.ts).
  const call = logged(kind, def.route, (slug: unknown, raw: unknown) =>
    withUnnamedStatements(() =>
      runAsMember(
        def,
        slug,
        raw,
        async (ctx, input) => {
          if (def.audit) await insertAuditEvent(ctx.db, ctx.org.id, ctx.user.id, { ...def.audit, targetId: ctx.org.id, targetLabel: ctx.org.name });
          const cached = typeof def.cachePerRevision === "function" ? def.cachePerRevision(ctx) : def.cachePerRevision;
          return cached ? perRevision(def.route, ctx, input, () => handler(ctx, input)) : handler(ctx, input);
        },
        readMembershipOnce,
      ),
    ),
  );

  async function load(slug: string, raw: unknown = {}): Promise<R> {
    const outcome = await call(slug, raw);
    if (outcome.status === "ok") return outcome.data;
    switch (outcome.code) {
      case "unauthenticated":
        return redirect(await signInRedirect(routePath(def.route, { ...(typeof raw === "object" ? raw : {}), slug })));
      case "forbidden":
        return forbidden();
      default:
        return notFound(); // unknown org, non-member, and input that names nothing real
    }
  }

  const name = kind === "layout" ? `layout ${def.route}` : def.route;
  register({
    kind,
    entry: "member",
    name,
    permission: def.permission,
    input: def.input,
    expect: def.expect,
    served: def.served,
    call,
    fn: load,
    auditAction: def.audit?.action,
  });
  return load;
}
