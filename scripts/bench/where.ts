/**
 * `npx tsx --conditions=react-server scripts/bench/where.ts <postgres-url>`: where the time of the admin's dashboard,
 * coaching queue and all-teams grid goes on a database seeded by hold.ts: each of their aggregate statements run
 * alone behind the wall as the admin, timed (median of 3), so the slow ones can be EXPLAINed with psql.
 */
import { sql } from "drizzle-orm";
import { openServer } from "@/db/client";
import {
  listCoachingReps,
  listCycleAssessments,
  listLeaderScores,
  listQueueHead,
  listVisibleSelfScores,
  coachingRollups,
} from "@/db/queries/coaching";
import { gettingStartedFacts, participationByTeam, teamBehaviourAverages } from "@/db/queries/dashboards";
import { gridColumnAverages, listGridBehaviours, listGridReps, listGridRows } from "@/db/queries/grid";
import { executeRows } from "@/db/queries/execute";
import { listTeams } from "@/db/queries/teams";
import { inScope } from "@/db/tenant";
import { LARGE_ORG } from "@/scripts/seed/large-organisation";

async function main() {
  const url = process.argv[2]!;
  const handle = await openServer(url, 2);
  const db = handle.db;
  const [org] = await executeRows<{ id: string }>(db, sql`select id from organisations where slug = ${LARGE_ORG.slug}`);
  const orgId = org!.id;
  const cycles = await executeRows<{ id: string; status: string }>(
    db,
    sql`select id::text, status::text from cycles where org_id = ${orgId} order by name`,
  );
  const open = cycles.find((c) => c.status === "open")!.id;
  const previous = cycles[2]!.id;
  const behaviourIds = (await inScope(db, { orgId }, (tx) => listGridBehaviours(tx, orgId, open, false))).map((b) => b.id);
  const cycle = { id: open, closed: false };
  const steps: [string, (tx: Parameters<Parameters<typeof inScope>[2]>[0]) => Promise<unknown>][] = [
    ["participationByTeam", (tx) => participationByTeam(tx, orgId, { id: open, closed: false }, behaviourIds.length)],
    ["teamBehaviourAverages (2 cycles)", (tx) => teamBehaviourAverages(tx, orgId, [open, previous], behaviourIds)],
    ["teamBehaviourAverages (12 weakest)", (tx) => teamBehaviourAverages(tx, orgId, [open, previous], behaviourIds, undefined, 12)],
    ["gettingStartedFacts", (tx) => gettingStartedFacts(tx, orgId)],
    ["coachingRollups (raw)", (tx) => coachingRollups(tx, orgId, open, {}, "raw")],
    ["coachingRollups (relative)", (tx) => coachingRollups(tx, orgId, open, {}, "relative")],
    ["coachingRollups (organisation's rows)", (tx) => coachingRollups(tx, orgId, open, {}, "raw", { teamRowsUpTo: 0 })],
    ["listCoachingReps", (tx) => listCoachingReps(tx, orgId, "America/Chicago", {})],
    ["listQueueHead (50)", (tx) => listQueueHead(tx, orgId, "America/Chicago", open, {}, { today: "2026-12-07", cadenceDays: 14, limit: 50 })],
    ["listTeams (all)", (tx) => listTeams(tx, orgId)],
    ["listCycleAssessments", (tx) => listCycleAssessments(tx, orgId, open, {})],
    ["listLeaderScores", (tx) => listLeaderScores(tx, orgId, open, {})],
    [
      "listVisibleSelfScores (all submitted)",
      async (tx) => {
        const reps = await executeRows<{ id: string }>(
          tx,
          sql`select rep_user_id::text as id from assessments where org_id = ${orgId} and cycle_id = ${open} and submitted_at is not null`,
        );
        return listVisibleSelfScores(
          tx,
          orgId,
          open,
          reps.map((r) => r.id),
        );
      },
    ],
    ["listGridReps (all)", (tx) => listGridReps(tx, orgId, cycle)],
    ["listGridRows (all)", (tx) => listGridRows(tx, orgId, cycle, behaviourIds)],
    ["gridColumnAverages (all)", (tx) => gridColumnAverages(tx, orgId, cycle, behaviourIds)],
  ];
  for (const [name, step] of steps) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await inScope(db, { orgId }, step);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(40)} ${times[1]!.toFixed(1).padStart(8)} ms`);
  }
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
