import type { Db } from "@/db/client";
import { insertCheckIn } from "@/db/queries/check-ins";
import { hashToken, newToken } from "@/lib/tokens";
import { MATRIX_IDS, prepareRelationship } from "./relationships";
import type { MatrixCases, MatrixFixture } from "./types";

/** The fixed id of the matrix relationship's waiting check-in link (valid in every fixture organisation). */
export const MATRIX_CHECK_IN_ID = "5e1a7e00-0000-4000-8000-000000000051";

/**
 * The matrix relationship (kept by `leader`) with a waiting check-in link, for the calls on check-ins and for
 * the token entry. Returns the link's raw token. Once per fixture.
 */
export async function prepareCheckIn(db: Db, f: MatrixFixture): Promise<string> {
  await prepareRelationship(db, f);
  const token = newToken();
  await insertCheckIn(db, f.orgId, {
    id: MATRIX_CHECK_IN_ID,
    relationshipId: MATRIX_IDS.relationship,
    tokenHash: hashToken(token),
    createdBy: f.users.leader,
    expiresAt: new Date(Date.now() + 14 * 86_400_000),
  });
  return token;
}

export const checkInsCases: MatrixCases = {
  "checkIn.create": { input: () => ({ relationshipId: MATRIX_IDS.relationship, expiresInDays: "14" }), prepare: prepareRelationship },
  "checkIn.revoke": {
    input: () => ({ relationshipId: MATRIX_IDS.relationship, checkInId: MATRIX_CHECK_IN_ID }),
    prepare: async (db, f) => void (await prepareCheckIn(db, f)),
  },
  "/o/[slug]/check-in/[token]": { input: () => ({}) },
  "checkIn.answer": {
    input: () => ({
      trust: "4",
      salesFrustratesUs: "Orders changed after they are picked.",
      wouldHelp: "Tell us before Friday.",
      respondentName: "",
    }),
  },
};
