import type { Db } from "@/db/client";
import { insertUser } from "@/db/queries/accounts";
import { insertBehaviours, setBehaviourArchived } from "@/db/queries/behaviours";
import { insertCycle } from "@/db/queries/cycles";
import { insertInvite } from "@/db/queries/invites";
import { insertMembership, insertOrganisation, setMembershipStatus } from "@/db/queries/organisations";
import { insertTeam, insertTeamLeader, setTeamArchived } from "@/db/queries/teams";
import type { MemberRole } from "@/db/schema/enums";
import { hashPassword } from "@/lib/auth/password";
import { organisationSlug } from "@/lib/organisations/slug";
import { hashToken, newToken } from "@/lib/tokens";
import type { MemberPersona, TokenExpectation } from "@/lib/chain/registry";
import { setFakeSession } from "./fake-session";
import { prepareCheckIn } from "./matrix/check-ins";
import { prepareApiToken } from "./matrix/results";
import type { MatrixFixture } from "./matrix/types";

export const MATRIX_PASSWORD = "matrix-password";
let passwordHash: Promise<string> | undefined;

/** A unique suffix, so fixtures built in one database never collide. */
const unique = () => crypto.randomUUID().slice(0, 8);

/**
 * An organisation with every persona the permission matrix needs: an admin; `leader` and `coLeader` of team
 * A with reps `rep` and `otherRep`; `otherLeader` of team B; an archived team; a deactivated rep of team A; and `outsider`, the
 * admin of another organisation. Also an active invite link to team A (with its raw token for token entries),
 * four behaviours (the last archived) and three cycles: closed, open and draft.
 */
export async function createMatrixOrganisation(
  db: Db,
): Promise<MatrixFixture & { tokens: { invite: string }; elsewhere: { orgId: string; slug: string } }> {
  passwordHash ??= hashPassword(MATRIX_PASSWORD);
  const hash = await passwordHash;
  const tag = unique();
  const user = async (name: string) =>
    (await insertUser(db, { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@example.test`, passwordHash: hash })).id;

  const org = await insertOrganisation(db, { slug: `matrix-${tag}`, name: `Matrix ${tag}`, timeZone: "Europe/London" });
  const teamA = await insertTeam(db, org.id, "Team A");
  const teamB = await insertTeam(db, org.id, "Team B");
  const archivedTeam = await insertTeam(db, org.id, "Old Team");
  await setTeamArchived(db, org.id, archivedTeam.id, true);

  const users = {
    admin: await user("Ada Admin"),
    leader: await user("Lee Leader"),
    coLeader: await user("Cory Coleader"),
    otherLeader: await user("Olu Otherleader"),
    rep: await user("Remy Rep"),
    otherRep: await user("Ora Otherrep"),
    deactivated: await user("Dee Deactivated"),
    outsider: await user("Oz Outsider"),
  };
  await insertMembership(db, org.id, { userId: users.admin, role: "admin" });
  for (const [persona, team] of [
    ["leader", teamA],
    ["coLeader", teamA],
    ["otherLeader", teamB],
  ] as const) {
    await insertMembership(db, org.id, { userId: users[persona], role: "leader" });
    await insertTeamLeader(db, org.id, team.id, users[persona]);
  }
  for (const persona of ["rep", "otherRep", "deactivated"] as const) {
    await insertMembership(db, org.id, { userId: users[persona], role: "rep", teamId: teamA.id });
  }
  await setMembershipStatus(db, org.id, users.deactivated, "deactivated");

  const elsewhere = await insertOrganisation(db, { slug: `elsewhere-${tag}`, name: `Elsewhere ${tag}`, timeZone: "UTC" });
  await insertMembership(db, elsewhere.id, { userId: users.outsider, role: "admin" });

  const inviteToken = newToken();
  const invite = await insertInvite(db, org.id, {
    tokenHash: hashToken(inviteToken),
    role: "rep",
    teamId: teamA.id,
    email: null,
    maxUses: 1,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: users.admin,
  });

  const behaviourRows = await insertBehaviours(
    db,
    org.id,
    ["Prospecting", "Presenting", "Talking about money", "Entertaining"].map((name) => ({
      name,
      description: `${name}, as we do it.`,
      level1: `${name}: rarely`,
      level3: `${name}: usually`,
      level5: `${name}: always, and teaches others`,
    })),
  );
  await setBehaviourArchived(db, org.id, behaviourRows[3]!.id, true);
  const closedCycle = await insertCycle(db, org.id, {
    name: "Q1",
    status: "closed",
    openedAt: new Date(Date.now() - 200 * 86_400_000),
    closedAt: new Date(Date.now() - 100 * 86_400_000),
  });
  const openCycle = await insertCycle(db, org.id, { name: "Q2", status: "open", openedAt: new Date(Date.now() - 10 * 86_400_000) });
  const draftCycle = await insertCycle(db, org.id, { name: "Q3", status: "draft" });

  return {
    orgId: org.id,
    slug: org.slug,
    teamId: teamA.id,
    otherTeamId: teamB.id,
    archivedTeamId: archivedTeam.id,
    inviteId: invite.id,
    behaviourIds: [behaviourRows[0]!.id, behaviourRows[1]!.id, behaviourRows[2]!.id],
    archivedBehaviourId: behaviourRows[3]!.id,
    cycles: { closed: closedCycle.id, open: openCycle.id, draft: draftCycle.id },
    users,
    tokens: { invite: inviteToken },
    /** The outsider's own organisation: where they are admin, and from where they try this organisation's ids. */
    elsewhere: { orgId: elsewhere.id, slug: elsewhere.slug },
  };
}

export type Persona = MemberPersona | "deactivated" | "outsider" | "signedOut";

/** Makes the next calls come from this persona's session (or from no session). */
export function actAs(fixture: MatrixFixture, persona: Persona, sessionVersion = 1): void {
  if (persona === "signedOut") return setFakeSession(null);
  const id = fixture.users[persona];
  setFakeSession({ user: { id, name: persona, email: `${persona}@example.test` }, sv: sessionVersion });
}

const checkInTokens = new Map<string, Promise<string>>();
const apiTokens = new Map<string, Promise<string>>();

/**
 * The raw token of a link of the kind a token entry takes, in this fixture's organisation: the fixture's invite,
 * a waiting check-in link on the matrix relationship, or an API token with the matrix measures (made on first use,
 * then the same one).
 */
export function linkToken(db: Db, fixture: MatrixFixture & { tokens: { invite: string } }, kind: TokenExpectation["token"]): Promise<string> {
  if (kind === "invite") return Promise.resolve(fixture.tokens.invite);
  const made = kind === "apiToken" ? apiTokens : checkInTokens;
  let token = made.get(fixture.orgId);
  if (!token) made.set(fixture.orgId, (token = kind === "apiToken" ? prepareApiToken(db, fixture) : prepareCheckIn(db, fixture)));
  return token;
}

/**
 * One more organisation, named `name`, of which this person is a member with `role`: someone who belongs to several
 * organisations. Its slug is unique in the database.
 */
export async function alsoMemberOf(db: Db, userId: string, name: string, role: MemberRole = "leader") {
  const org = await insertOrganisation(db, { slug: `${organisationSlug(name)}-${unique()}`, name, timeZone: "UTC" });
  await insertMembership(db, org.id, { userId, role });
  return org;
}
