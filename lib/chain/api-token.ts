import type { z } from "zod";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { insertAuditEvent, type AuditEventInput } from "@/db/queries/audit";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { hitThrottle, throttleLockedUntil, type ThrottleRule } from "@/db/queries/throttles";
import type { ApiTokenScope } from "@/db/schema/enums";
import { inScope } from "@/db/tenant";
import { isSlug } from "@/lib/organisations/slug";
import { hashToken } from "@/lib/tokens";
import { parseInput } from "./input";
import { failure, refused, Refusal, type Outcome } from "./outcome";
import { logged, noteWho } from "./log";
import type { Organisation } from "./member";
import { register, type TokenExpectation } from "./registry";

/**
 * The API-token entry of the action chain, for the REST API (`Authorization: Bearer <token>`, docs/api.md): the
 * organisation named in the URL -> the token, looked up by its SHA-256 inside that organisation -> not revoked -> the
 * declared scope -> the token's rate limit -> validated input -> the handler in one transaction -> an audit event naming
 * the token (a call that changes data without one throws) and the token's last use.
 *
 * Refusals, which the route turns into HTTP statuses: an unknown organisation "not_found" (404); no token, an unknown
 * one, another organisation's or a revoked one "unauthenticated" (401); a token without the scope "forbidden" (403);
 * too many calls "conflict" with `details.retryAfterSeconds` (429); bad input "invalid" (422).
 */
type ApiToken = { id: string; name: string; prefix: string; scopes: readonly ApiTokenScope[]; revokedAt: Date | null };

type Definition<S extends z.ZodType> = {
  /** The route handler's path, as the registry names route handlers: "/api/v1/…". */
  route: string;
  /** The audit action each successful call records. */
  auditAction: string;
  input: S;
  /** The scope a token needs for this entry. */
  scope: ApiTokenScope;
  /** Finds the token by its hash in the organisation (revoked ones too). */
  lookup: (db: DbOrTx, orgId: string, tokenHash: string) => Promise<ApiToken | undefined>;
  /** Marks the token's use (in the handler's transaction, after it succeeded). */
  touch: (db: DbOrTx, orgId: string, tokenId: string) => Promise<void>;
  /** Calls per token: every call with a valid token counts, a refused one too. */
  throttle: ThrottleRule;
  expect: TokenExpectation;
};

export type ApiContext = {
  tx: Tx;
  org: Organisation;
  token: Pick<ApiToken, "id" | "name" | "prefix">;
  /** Records the call in the organisation's audit log, without an actor: the token is named as the target. */
  audit(event: Omit<AuditEventInput, "action">): Promise<void>;
};

type Found = { org: Organisation; token: ApiToken };

async function resolve(
  def: Pick<Definition<z.ZodType>, "lookup">,
  tx: Tx,
  slug: string,
  bearer: string,
): Promise<Found | "no-organisation" | undefined> {
  const org = await findOrganisationBySlug(tx, slug);
  if (!org) return "no-organisation";
  const token = await def.lookup(tx, org.id, hashToken(bearer));
  return token ? { org: { id: org.id, slug: org.slug, name: org.name, timeZone: org.timeZone, blindMode: org.blindMode }, token } : undefined;
}

function refusalOf(found: Found | "no-organisation" | undefined, scope: ApiTokenScope): Outcome<never> | undefined {
  if (found === "no-organisation") return failure("not_found", "There is no organisation at this address.");
  if (!found) return failure("unauthenticated", "This API token is not valid for this organisation.");
  if (found.token.revokedAt) return failure("unauthenticated", "This API token was revoked.");
  if (!found.token.scopes.includes(scope)) return failure("forbidden", `This API token does not have the scope ${scope}.`);
  return undefined;
}

async function countCall(db: DbOrTx, { org, token }: Found, rule: ThrottleRule, now = new Date()) {
  const key = `api-token:${org.id}:${token.id}`; // a token's id is unique within its organisation
  const locked = await throttleLockedUntil(db, key, now);
  const state = locked ? { count: Infinity, lockedUntil: locked } : await hitThrottle(db, key, rule, now);
  if (state.lockedUntil && state.count > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
    throw new Refusal("conflict", `Too many calls with this token. Nothing was written: try again in ${retryAfterSeconds} seconds.`, undefined, {
      retryAfterSeconds,
    });
  }
}

/** A route handler's work with an API token: `call(slug, bearerToken, input)`. */
export function apiTokenRoute<S extends z.ZodType, R>(def: Definition<S>, handler: (ctx: ApiContext, input: z.output<S>) => Promise<R>) {
  const call = logged("route", def.route, async (slug: unknown, bearer: unknown, raw: unknown): Promise<Outcome<R>> => {
    if (!isSlug(slug)) return failure("not_found", "There is no organisation at this address.");
    if (typeof bearer !== "string" || bearer.length > 200) {
      return failure("unauthenticated", "Send an API token in the Authorization header: Bearer <token>.");
    }
    const db = await getDb();
    try {
      // First, outside the handler's transaction: whether the token may call at all, and its rate limit, which counts
      // even when the call is refused afterwards.
      const first = await inScope(db, { slug }, (tx) => resolve(def, tx, slug, bearer));
      const refusal = refusalOf(first, def.scope);
      if (refusal) return refusal;
      await countCall(db, first as Found, def.throttle);
      const parsed = parseInput(def.input, raw);
      if (!parsed.ok) return parsed.failure;
      return await inScope(db, { slug }, async (tx): Promise<Outcome<R>> => {
        // Again inside: a token revoked in between writes nothing.
        const found = await resolve(def, tx, slug, bearer);
        const late = refusalOf(found, def.scope);
        if (late) return late;
        const { org, token } = found as Found;
        noteWho({ orgId: org.id });
        let audited = 0;
        const ctx: ApiContext = {
          tx,
          org,
          token: { id: token.id, name: token.name, prefix: token.prefix },
          audit: async (event) => {
            audited += 1;
            await insertAuditEvent(tx, org.id, null, { action: def.auditAction, ...event });
          },
        };
        const data = await handler(ctx, parsed.data);
        if (audited === 0) throw new Error(`${def.route} answered without recording an audit event`);
        await def.touch(tx, org.id, token.id);
        return { status: "ok", data };
      });
    } catch (error) {
      if (error instanceof Refusal) return refused(error);
      throw error;
    }
  });
  register({ kind: "route", entry: "token", name: def.route, input: def.input, expect: def.expect, auditAction: def.auditAction, call, fn: call });
  return call;
}
