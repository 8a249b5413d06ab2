import type { Db } from "@/db/client";
import type { MemberPersona } from "@/lib/chain/registry";

/** The ids of the matrix fixture's organisation (tests/support/fixtures.ts), from which a case builds a valid input. */
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

/**
 * How the tests call one registered entry: a valid input for a persona the entry allows, and what a fresh fixture
 * needs first (rows the input names, e.g. a submitted self-assessment). Who is allowed is the entry's own `expect`.
 */
export type MatrixCase = {
  /** Called afresh for each persona. */
  input: (fixture: MatrixFixture) => Record<string, unknown>;
  /** Brings a fresh fixture into the state the call needs. */
  prepare?: (db: Db, fixture: MatrixFixture) => Promise<void>;
};

/** The cases of one domain (one folder of lib/), keyed by the entry's registry name. */
export type MatrixCases = Record<string, MatrixCase>;
