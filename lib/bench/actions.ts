"use server";

import "server-only";
import { z } from "zod";
import { selectOne } from "@/db/queries/bench";
import { benchServed } from "@/lib/bench/served";
import { memberAction } from "@/lib/chain/member";

/**
 * The trivial action `npm run bench` compares saving a score with: everything every member action pays (session,
 * membership reload, permission, validated input, a transaction, the audit event the chain requires) and one
 * `SELECT 1` instead of the grid's work.
 *
 * Why a ping writes an audit row: the chain refuses an action that records nothing, and that is right here too.
 * A save writes one audit row, so the trivial action must write one as well, or the save-vs-ping ratio would charge the
 * audit insert to the grid. And a member who presses the page's button did run an action in the organisation:
 * the log says so in words ("ran the benchmark's trivial action (it changes nothing)"), not as "made a change". The bench's
 * thousands of pings go to its throwaway database, never to a real organisation's log: only the benchmark's own
 * server serves this action (COACHGRID_BENCH=1, lib/bench/served.ts); anywhere else it answers not_found to everyone.
 */
export const trivialPing = memberAction(
  {
    name: "bench.ping",
    permission: "org.view",
    input: z.object({}),
    revalidate: false,
    served: benchServed,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] },
  },
  async ({ db, org, audit }) => {
    const answered = (await selectOne(db)) === 1;
    await audit({ targetType: "organisation", targetId: org.id, targetLabel: org.name });
    return { answered };
  },
);
