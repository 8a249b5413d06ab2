"use server";

import "server-only";

import { listBehaviours } from "@/db/queries/behaviours";
import {
  findAssignment,
  finishRound as markFinished,
  findRound,
  insertAssignments,
  insertRound,
  listRoundPeople,
  upsertSecondRatings,
} from "@/db/queries/calibration-rounds";
import { findCycle } from "@/db/queries/cycles";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { roundIdSchema, secondRatingSchema, startRoundSchema } from "@/lib/schemas/calibration";
import { secondRaterRefusal } from "./rounds";

/** Starts a round in an open cycle with the reps and second raters the admin settled on (the proposal, edited). */
export const startCalibrationRound = memberAction(
  {
    name: "calibration.startRound",
    permission: "calibration.manageRounds",
    input: startRoundSchema,
    expect: { allow: ["admin"] },
  },
  async ({ db, org, user, audit }, input) => {
    const cycle = await findCycle(db, org.id, input.cycleId);
    if (!cycle) throw new Refusal("not_found", "That cycle does not exist.");
    if (cycle.status !== "open") invalidField("cycleId", "Start a round in the open cycle: its leader ratings are the first ratings.");
    const people = new Map((await listRoundPeople(db, org.id)).map((p) => [p.userId, p]));
    const rows = [...new Set(input.reps.map((id) => id.toLowerCase()))].map((repUserId) => {
      const rep = people.get(repUserId);
      if (rep?.role !== "rep" || !rep.teamId) invalidField("reps", "Choose reps from the list: one of them is no longer a rep of a team.");
      const raterUserId = input.raters.get(rep.teamId);
      if (!raterUserId) invalidField("raters", `Choose a second rater for ${rep.name}'s team.`);
      const refusal = secondRaterRefusal(people.get(raterUserId), rep.teamId, repUserId);
      if (refusal) invalidField("raters", refusal);
      return { repUserId, teamId: rep.teamId, secondRaterUserId: raterUserId };
    });
    const round = await insertRound(db, org.id, { cycleId: cycle.id, createdBy: user.id });
    await insertAssignments(db, org.id, round.id, rows);
    await audit({
      targetType: "calibration_round",
      targetId: round.id,
      targetLabel: cycle.name,
      after: { reps: rows.length, teams: new Set(rows.map((r) => r.teamId)).size, raters: new Set(rows.map((r) => r.secondRaterUserId)).size },
    });
    return { roundId: round.id };
  },
);

/** The second rater's scores of one sampled rep, saved blind: nothing here reads or returns the first rating. */
export const saveSecondRatings = memberAction(
  {
    name: "calibration.rateSecond",
    permission: "calibration.rateSecond",
    input: secondRatingSchema,
    target: async (input, ctx) => ({ ownerUserId: (await findAssignment(ctx.db, ctx.org.id, input.roundId, input.repUserId))?.secondRaterUserId }),
    revalidate: false,
    expect: { allow: ["otherLeader"] },
  },
  async ({ db, org, audit }, { roundId, repUserId, scores }) => {
    const [round, assignment] = await Promise.all([findRound(db, org.id, roundId), findAssignment(db, org.id, roundId, repUserId)]);
    if (!round || !assignment) throw new Refusal("not_found", "That rep is not in this round.");
    if (round.finishedAt) throw new Refusal("conflict", "This round is finished: its ratings can no longer change.");
    if (scores.size === 0) invalidField("form", "Choose a score for at least one behaviour.");
    const active = new Set((await listBehaviours(db, org.id)).map((b) => b.id));
    for (const behaviourId of scores.keys())
      if (!active.has(behaviourId)) invalidField("form", "One of the behaviours no longer exists. Reload the page and try again.");
    await upsertSecondRatings(
      db,
      org.id,
      roundId,
      repUserId,
      [...scores].map(([behaviourId, s]) => ({ behaviourId, ...s })),
    );
    // The scores stay out of the audit log: it records that the rep was rated, not how.
    await audit({ targetType: "calibration_round", targetId: roundId, targetLabel: assignment.repName, after: { behaviours: scores.size } });
    return { saved: scores.size };
  },
);

/** Ends a round: its second ratings can no longer change. Its figures stay. */
export const finishCalibrationRound = memberAction(
  {
    name: "calibration.finishRound",
    permission: "calibration.manageRounds",
    input: roundIdSchema,
    expect: { allow: ["admin"] },
  },
  async ({ db, org, audit }, { roundId }) => {
    const round = await findRound(db, org.id, roundId);
    if (!round) throw new Refusal("not_found", "That round does not exist.");
    if (!(await markFinished(db, org.id, roundId))) throw new Refusal("conflict", "This round is already finished.");
    await audit({ targetType: "calibration_round", targetId: roundId, targetLabel: round.cycleName, after: { finished: true } });
  },
);
