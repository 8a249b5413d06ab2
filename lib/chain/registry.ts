import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Permission } from "@/lib/permissions";
import type { Outcome } from "./outcome";

/**
 * Every server action, page loader and route handler registers here with its entry, permission and input
 * schema. Tests enumerate the registry: nothing unregistered may exist, and every entry states what each
 * persona should get (the generated permission matrix).
 */

/** The members of the matrix fixture's organisation. Everyone else is refused by the entry itself. */
export type MemberPersona = "admin" | "leader" | "coLeader" | "otherLeader" | "rep" | "otherRep";

/** The ids of the matrix fixture's organisation, from which an entry builds a valid input. */
export type MatrixFixture = {
  orgId: string;
  slug: string;
  /** Led by `leader` and `coLeader`; `rep` and `otherRep` are in it. */
  teamId: string;
  /** Led by `otherLeader`. */
  otherTeamId: string;
  /** An archived team with nobody in it. */
  archivedTeamId: string;
  /** An active invite link to team A, made by the admin. */
  inviteId: string;
  /** Three active behaviours (in order) and an archived one. */
  behaviourIds: [string, string, string];
  archivedBehaviourId: string;
  /** A closed cycle, the open (current) one, and a draft not yet opened. */
  cycles: { closed: string; open: string; draft: string };
  users: Record<MemberPersona | "deactivated" | "outsider", string>;
};

export type MemberExpectation = {
  /** Personas that succeed; the organisation's other members get 403. */
  allow: readonly MemberPersona[];
  /** A valid input for an allowed persona. Called afresh for each persona. */
  input: (fixture: MatrixFixture) => Record<string, unknown>;
  /** Brings a fresh fixture into the state the call needs (e.g. a submitted self-assessment). */
  prepare?: (db: Db, fixture: MatrixFixture) => Promise<void>;
};

/**
 * Public and account entries have no organisation: their expectation is a valid input, and what must exist for
 * it to be valid (a password reset token the input names).
 */
export type OpenExpectation = {
  input: (fixture: MatrixFixture) => Record<string, unknown>;
  prepare?: (db: Db, fixture: MatrixFixture) => Promise<void>;
  /** The entry counts every attempt towards a rate limit, refused ones too: a refusal may change the throttles. */
  throttled?: true;
};

/**
 * Token entries: a valid input, the kind of link they take (the tests know how to make one of each kind),
 * and whether the call needs a signed-in person (`session`) or refuses one that is already a member.
 */
export type TokenExpectation = {
  input: (fixture: MatrixFixture) => Record<string, unknown>;
  /** "invite": an invite link; "checkIn": a waiting check-in link on a relationship kept by `leader`. */
  token: "invite" | "checkIn";
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
      expect: OpenExpectation;
      call: (input: unknown) => Promise<Outcome<unknown>>;
      fn: unknown;
    })
  | (Common & {
      kind: "action" | "page";
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
