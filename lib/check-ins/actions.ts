"use server";

import "server-only";
import { findCheckIn, insertCheckIn, markCheckInRevoked } from "@/db/queries/check-ins";
import { findRelationship } from "@/db/queries/relationships";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { relationshipLabel } from "@/lib/relationships/rules";
import { relationshipTarget } from "@/lib/relationships/target";
import { checkInIdSchema, createCheckInSchema } from "@/lib/schemas/check-ins";
import { hashToken, newToken } from "@/lib/tokens";
import { checkInPath, queueCheckInMail } from "./mail";

/** Only the leader who keeps the relationship sends and withdraws its links; the matrix's is kept by `leader`. */
const keeperOnly = ["leader"] as const;

/**
 * Creates a check-in link for the relationship's counterpart. Returns the raw token once, inside the link:
 * the database keeps only its hash. With an address, the link is also mailed to the counterpart, with the
 * leader's name and who reads the answers.
 */
export const createCheckIn = memberAction(
  {
    name: "checkIn.create",
    permission: "relationships.checkIn",
    input: createCheckInSchema,
    target: (input, { db, org }) => relationshipTarget(db, org.id, input.relationshipId),
    expect: { allow: keeperOnly },
  },
  async ({ db, org, user, audit }, { relationshipId, expiresInDays, email }) => {
    const relationship = await findRelationship(db, org.id, relationshipId);
    if (!relationship) throw new Refusal("not_found", "That relationship does not exist.");
    const token = newToken();
    const link = await insertCheckIn(db, org.id, {
      relationshipId,
      tokenHash: hashToken(token),
      createdBy: user.id,
      expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
    });
    if (email) {
      await queueCheckInMail(db, org, {
        email,
        token,
        leaderName: user.name,
        counterpartName: relationship.counterpartName,
        expiresAt: link.expiresAt,
      });
    }
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(relationship),
      after: { checkIn: link.id, expiresAt: link.expiresAt, expiresInDays, emailedTo: email },
    });
    return { url: checkInPath(org.slug, token), expiresAt: link.expiresAt.toISOString(), emailedTo: email };
  },
);

/** Revokes a link that has not been answered: it then says so and takes no answer. */
export const revokeCheckIn = memberAction(
  {
    name: "checkIn.revoke",
    permission: "relationships.checkIn",
    input: checkInIdSchema,
    target: (input, { db, org }) => relationshipTarget(db, org.id, input.relationshipId),
    expect: { allow: keeperOnly },
  },
  async ({ db, org, user, audit }, { relationshipId, checkInId }) => {
    const relationship = await findRelationship(db, org.id, relationshipId);
    const link = await findCheckIn(db, org.id, relationshipId, checkInId);
    if (!relationship || !link) throw new Refusal("not_found", "That check-in link no longer exists.");
    if (link.answeredAt) throw new Refusal("conflict", "That check-in has been answered: there is nothing to revoke.");
    if (!(await markCheckInRevoked(db, org.id, checkInId, user.id))) throw new Refusal("conflict", "That link was already revoked.");
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(relationship),
      before: { revokedAt: null },
      after: { checkIn: checkInId, revoked: true },
    });
  },
);
