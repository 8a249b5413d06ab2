import type { z } from "zod";
import type { Permission } from "@/lib/permissions";
import type { Outcome } from "./outcome";

/**
 * Every server action, page loader and route handler registers here with its entry, permission and input
 * schema. Tests enumerate the registry: nothing unregistered may exist, and every entry states who may call it
 * (the generated permission matrix calls it as every persona).
 */

/** The members of the matrix fixture's organisation (tests/support/fixtures.ts). Everyone else is refused by the entry itself. */
export type MemberPersona = "admin" | "leader" | "coLeader" | "otherLeader" | "rep" | "otherRep";

/**
 * Who may call a member entry. The tests call it as every persona; how (a valid input, the rows it needs) lives with
 * the tests, keyed by the entry's name (tests/support/matrix/).
 */
export type MemberExpectation = {
  /** Personas that succeed; the organisation's other members get 403. */
  allow: readonly MemberPersona[];
};

/** Public and account entries have no organisation: anyone (public) or any signed-in person (account) may call them. */
export type OpenExpectation = {
  /** The entry counts every attempt towards a rate limit, refused ones too: a refusal may change the throttles. */
  throttled?: true;
};

/**
 * Token entries: the kind of link they take (the tests know how to make one of each kind), and whether the call
 * needs a signed-in person (`session`) or refuses one that is already a member.
 */
export type TokenExpectation = {
  /**
   * "invite": an invite link; "checkIn": a waiting check-in link on a relationship kept by `leader`; "apiToken": an
   * organisation's API token with every scope, sent as `Authorization: Bearer` (lib/chain/api-token.ts), which refuses
   * an unknown, foreign or revoked token as "unauthenticated" (401) rather than "not_found".
   */
  token: "invite" | "checkIn" | "apiToken";
  /** "none": works signed out; "outsider": needs a signed-in person who is not yet a member. */
  session: "none" | "outsider";
  /** The entry counts every attempt towards a rate limit, refused ones too: a refusal may change the throttles. */
  throttled?: true;
};

type Common = {
  name: string;
  input: z.ZodType;
  /** The audit action a loader records on access (a full data export); an action records its name. */
  auditAction?: string;
};

export type RegistryEntry =
  | (Common & {
      kind: "action" | "page" | "layout";
      entry: "member";
      permission: Permission;
      expect: MemberExpectation;
      /** Present when only some deployments serve the entry: false means it answers not_found to everyone. */
      served?: () => boolean;
      /** An action in a read-only transaction (a preview): it changes nothing and records no audit event. */
      readOnly?: boolean;
      /** Calls the entry through the chain, as a test would: the org slug and an input object. */
      call: (slug: string, input: unknown) => Promise<Outcome<unknown>>;
      fn: unknown;
    })
  | (Common & {
      kind: "action" | "route" | "page";
      entry: "public" | "account";
      expect?: OpenExpectation;
      call: (input: unknown) => Promise<Outcome<unknown>>;
      fn: unknown;
    })
  | (Common & {
      kind: "action" | "page" | "route";
      entry: "token";
      expect: TokenExpectation;
      call: (slug: string, token: string, input: unknown) => Promise<Outcome<unknown>>;
      fn: unknown;
    });

const entries = new Map<string, RegistryEntry>();

export function register(entry: RegistryEntry): void {
  const existing = entries.get(entry.name);
  // Hot reload re-registers the same module; two different modules with one name is a bug.
  if (existing && existing.kind !== entry.kind) throw new Error(`Duplicate registry name: ${entry.name}`);
  entries.set(entry.name, entry);
}

export function registeredEntries(): RegistryEntry[] {
  return [...entries.values()];
}
