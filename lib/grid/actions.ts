"use server";

import { findBehaviour } from "@/db/queries/behaviours";
import { findCycle } from "@/db/queries/cycles";
import { findRating, gridAverages, listGridBehaviours, saveRating } from "@/db/queries/grid";
import { findMembership } from "@/db/queries/members";
import { memberAction } from "@/lib/chain/member";
import { repTarget } from "@/lib/members/rep-target";
import { Refusal } from "@/lib/chain/outcome";
import { rateSchema } from "@/lib/schemas/grid";

/**
 * Saves one leader rating. The editor sends the version it saw; if someone saved the cell since, nothing is
 * written and the conflict carries the newer value. Returns the new version and the averages the cell
 * belongs to, so the grid updates without reloading.
 */
export const rateRep = memberAction(
  {
    name: "grid.rate",
    permission: "rep.coach",
    input: rateSchema,
    revalidate: false,
    target: (input, { db, org }) => repTarget(db, org.id, input.repUserId),
    expect: {
      allow: ["admin", "leader", "coLeader"],
      input: (f) => ({ cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], score: 4, expectedVersion: 0 }),
    },
  },
  async ({ db, org, user, audit }, input) => {
    const [cycle, behaviour, rep] = await Promise.all([
      findCycle(db, org.id, input.cycleId),
      findBehaviour(db, org.id, input.behaviourId),
      findMembership(db, org.id, input.repUserId),
    ]);
    if (!cycle || !behaviour || !rep || rep.role !== "rep" || rep.status !== "active") throw new Refusal("not_found");
    if (cycle.status !== "open") {
      throw new Refusal("conflict", cycle.status === "closed" ? `${cycle.name} is closed: its ratings are read-only.` : `${cycle.name} is not open yet.`);
    }
    if (behaviour.archivedAt) throw new Refusal("conflict", `${behaviour.name} is archived and can no longer be rated.`);

    const cell = { cycleId: cycle.id, repUserId: rep.userId, behaviourId: behaviour.id };
    const before = await findRating(db, org.id, cycle.id, rep.userId, behaviour.id);
    const version = await saveRating(db, org.id, cell, input.score, input.expectedVersion, user.id);
    if (version === undefined) {
      const current = await findRating(db, org.id, cycle.id, rep.userId, behaviour.id);
      const shown = current?.score ?? "empty";
      throw new Refusal("conflict", `Someone else just set ${rep.name} · ${behaviour.name} to ${shown}. The grid now shows their value.`, undefined, {
        current: { score: current?.score ?? null, version: current?.version ?? 0 },
      });
    }
    await audit({
      targetType: "rating",
      targetId: `${cycle.id}:${rep.userId}:${behaviour.id}`,
      targetLabel: `${rep.name} · ${behaviour.name} · ${cycle.name}`,
      before: { score: before?.score ?? null },
      after: { score: input.score },
    });

    const behaviourIds = (await listGridBehaviours(db, org.id, cycle.id, false)).map((b) => b.id);
    const [team, organisation] = await Promise.all([
      gridAverages(db, org.id, cycle.id, behaviourIds, rep.teamId ? [rep.teamId] : []),
      gridAverages(db, org.id, cycle.id, behaviourIds),
    ]);
    return {
      version,
      score: input.score,
      rep: team.byRep[rep.userId] ?? { average: null, count: 0 },
      teamColumn: team.byBehaviour[behaviour.id] ?? { average: null, count: 0 },
      teamOverall: team.overall,
      orgColumn: organisation.byBehaviour[behaviour.id] ?? { average: null, count: 0 },
      orgOverall: organisation.overall,
    };
  },
);
