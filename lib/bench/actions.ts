"use server";

import { z } from "zod";
import { selectOne } from "@/db/queries/bench";
import { memberAction } from "@/lib/chain/member";

/**
 * The baseline action `npm run bench` compares saving a score with: everything every member action pays (session,
 * membership reload, permission, validated input, a transaction, the audit event the chain requires) and one
 * `SELECT 1` instead of the grid's work.
 */
export const pingBaseline = memberAction(
  {
    name: "bench.ping",
    permission: "org.view",
    input: z.object({}),
    revalidate: false,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"], input: () => ({}) },
  },
  async ({ db, org, audit }) => {
    const answered = (await selectOne(db)) === 1;
    await audit({ targetType: "organisation", targetId: org.id, targetLabel: org.name });
    return { answered };
  },
);
