"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import {
  ensureAssessment,
  findAssessment,
  listSelfRatingsScored,
  setAssessmentState,
  setLeaderComment,
  upsertSelfRating,
} from "@/db/queries/assessments";
import { findBehaviour, listBehaviours } from "@/db/queries/behaviours";
import { findCycle } from "@/db/queries/cycles";
import { findMembership } from "@/db/queries/members";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { repTarget } from "@/lib/members/rep-target";
import { leaderCommentSchema, repAssessmentSchema, saveSelfRatingSchema, submitSelfAssessmentSchema } from "@/lib/schemas/assessments";
import { queueResultsSharedMail } from "./mail";
import { canShare } from "./visibility";

async function openCycle(db: DbOrTx, orgId: string, cycleId: string) {
  const cycle = await findCycle(db, orgId, cycleId);
  if (!cycle) throw new Refusal("not_found", "That cycle does not exist.");
  if (cycle.status !== "open")
    throw new Refusal("conflict", `${cycle.name} is ${cycle.status === "closed" ? "closed" : "not open yet"}: it cannot be changed.`);
  return cycle;
}

/** Autosaves one answer of the rep's own draft. Submitted assessments are read-only until a coach reopens them. */
export const saveSelfRating = memberAction(
  {
    name: "assessment.saveSelfRating",
    permission: "self.assess",
    input: saveSelfRatingSchema,
    revalidate: false,
    expect: { allow: ["rep", "otherRep"] },
  },
  async ({ db, org, user, audit }, input) => {
    const cycle = await openCycle(db, org.id, input.cycleId);
    const behaviour = await findBehaviour(db, org.id, input.behaviourId);
    if (!behaviour || behaviour.archivedAt) throw new Refusal("not_found", "That behaviour is no longer rated.");
    const assessment = await findAssessment(db, org.id, cycle.id, user.id);
    if (assessment?.submittedAt)
      throw new Refusal("conflict", "You have submitted this self-assessment. Ask your leader to reopen it to change answers.");
    await ensureAssessment(db, org.id, cycle.id, user.id);
    await upsertSelfRating(
      db,
      org.id,
      { cycleId: cycle.id, repUserId: user.id, behaviourId: behaviour.id },
      { score: input.score, comment: input.comment },
    );
    // Never the score or the comment: a draft is hidden from the admins who read the audit log (blind mode).
    await audit({
      targetType: "self_rating",
      targetId: `${cycle.id}:${behaviour.id}`,
      targetLabel: `${behaviour.name} · ${cycle.name}`,
      after: { answered: true },
    });
    return { savedAt: new Date().toISOString() };
  },
);

/** Submits the rep's self-assessment once every behaviour has a score. */
export const submitSelfAssessment = memberAction(
  {
    name: "assessment.submit",
    permission: "self.assess",
    input: submitSelfAssessmentSchema,
    expect: { allow: ["rep", "otherRep"] },
  },
  async ({ db, org, user, audit }, { cycleId }) => {
    const cycle = await openCycle(db, org.id, cycleId);
    const [behaviours, answered, assessment] = await Promise.all([
      listBehaviours(db, org.id),
      listSelfRatingsScored(db, org.id, cycle.id, user.id),
      findAssessment(db, org.id, cycle.id, user.id),
    ]);
    if (assessment?.submittedAt) throw new Refusal("conflict", "This self-assessment is already submitted.");
    const missing = behaviours.filter((b) => !answered.has(b.id));
    if (missing.length > 0) {
      throw new Refusal(
        "invalid",
        `Rate every behaviour before submitting: ${missing.map((b) => b.name).join(", ")} ${missing.length === 1 ? "is" : "are"} still open.`,
      );
    }
    await setAssessmentState(db, org.id, cycle.id, user.id, { submittedAt: new Date() });
    await audit({
      targetType: "assessment",
      targetId: `${cycle.id}:${user.id}`,
      targetLabel: `${user.name} · ${cycle.name}`,
      after: { status: "submitted" },
    });
  },
);

/**
 * Reveals the leader's ratings to the rep: once the rep has submitted, or once the cycle is closed. The rep is
 * mailed a link to their results (when their address is verified and they have not turned these mails off).
 */
export const shareResults = memberAction(
  {
    name: "assessment.share",
    permission: "rep.coach",
    input: repAssessmentSchema,
    target: (input, { db, org }) => repTarget(db, org.id, input.repUserId),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, user, audit }, { cycleId, repUserId }) => {
    const [cycle, rep, assessment] = await Promise.all([
      findCycle(db, org.id, cycleId),
      findMembership(db, org.id, repUserId),
      findAssessment(db, org.id, cycleId, repUserId),
    ]);
    if (!cycle || !rep || rep.role !== "rep") throw new Refusal("not_found");
    if (!canShare(assessment, cycle.status)) {
      throw new Refusal(
        "conflict",
        assessment?.sharedAt
          ? `${rep.name}'s results are already shared.`
          : `${rep.name} has not submitted the self-assessment yet. You can share once they submit, or once ${cycle.name} is closed.`,
      );
    }
    await ensureAssessment(db, org.id, cycle.id, repUserId);
    await setAssessmentState(db, org.id, cycle.id, repUserId, { sharedAt: new Date(), sharedBy: user.id });
    await queueResultsSharedMail(
      db,
      org,
      { userId: repUserId, name: rep.name, email: rep.email },
      { cycleId: cycle.id, cycleName: cycle.name, coachName: user.name },
    );
    await audit({
      targetType: "assessment",
      targetId: `${cycle.id}:${repUserId}`,
      targetLabel: `${rep.name} · ${cycle.name}`,
      after: { status: "shared" },
    });
  },
);

/** Lets the rep change their answers again, and hides the leader's ratings from them until shared again. */
export const reopenAssessment = memberAction(
  {
    name: "assessment.reopen",
    permission: "rep.coach",
    input: repAssessmentSchema,
    target: (input, { db, org }) => repTarget(db, org.id, input.repUserId),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, audit }, { cycleId, repUserId }) => {
    const cycle = await openCycle(db, org.id, cycleId);
    const [rep, assessment] = await Promise.all([findMembership(db, org.id, repUserId), findAssessment(db, org.id, cycle.id, repUserId)]);
    if (!rep || rep.role !== "rep") throw new Refusal("not_found");
    if (!assessment?.submittedAt) throw new Refusal("conflict", `${rep.name}'s self-assessment is not submitted: there is nothing to reopen.`);
    await setAssessmentState(db, org.id, cycle.id, repUserId, { submittedAt: null, sharedAt: null, sharedBy: null });
    await audit({
      targetType: "assessment",
      targetId: `${cycle.id}:${repUserId}`,
      targetLabel: `${rep.name} · ${cycle.name}`,
      before: { status: assessment.sharedAt ? "shared" : "submitted" },
      after: { status: "draft" },
    });
  },
);

/** The leader's comment on one rating, shown to the rep once results are shared. */
export const commentOnRating = memberAction(
  {
    name: "grid.comment",
    permission: "rep.coach",
    input: leaderCommentSchema,
    revalidate: false,
    target: (input, { db, org }) => repTarget(db, org.id, input.repUserId),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, user, audit }, input) => {
    const cycle = await openCycle(db, org.id, input.cycleId);
    const [rep, behaviour] = await Promise.all([findMembership(db, org.id, input.repUserId), findBehaviour(db, org.id, input.behaviourId)]);
    if (!rep || rep.role !== "rep" || !behaviour) throw new Refusal("not_found");
    await setLeaderComment(db, org.id, { cycleId: cycle.id, repUserId: rep.userId, behaviourId: behaviour.id }, input.comment, user.id);
    await audit({
      targetType: "rating",
      targetId: `${cycle.id}:${rep.userId}:${behaviour.id}`,
      targetLabel: `${rep.name} · ${behaviour.name} · ${cycle.name}`,
      after: { comment: input.comment ? "set" : "cleared" },
    });
  },
);
