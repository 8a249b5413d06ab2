import "server-only";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { mailPreferencesOfUser } from "@/db/queries/mail";
import { listAllMembershipsOfUser } from "@/db/queries/organisations";
import {
  personalAccountRow,
  personalAuthEvents,
  personalCoachingPlans,
  personalLeaderRatings,
  personalMembership,
  personalNotes,
  personalSelfAssessments,
} from "@/db/queries/personal-data";
import { enterOrganisation } from "@/db/tenant";
import { repSeesLeader } from "@/lib/assessments/visibility";
import { accountLoader } from "@/lib/chain/open";

const PERSONAL_DATA_FORMAT = "coachgrid-personal-data";
const PERSONAL_DATA_VERSION = 1;

/** What the reader of the file must know about what it holds, and what it does not. */
export const PERSONAL_DATA_NOTICES = [
  "This file holds your own data in Coachgrid: your account (without your password), your sign-in history, and in each organisation where you are an active member your membership, your mail settings, your self-assessments with every self rating (drafts included), the leaders' ratings of you that you may see (once your results are shared, or always when the organisation's blind mode is off), your coaching plans, the 1:1 notes you wrote (private ones with their text) and the notes shared with you.",
  "It does not hold other people's private notes, leaders' ratings you may not see yet, or what you keep for the organisation about others (the ratings you gave, relationships, invites): those belong to the organisation, and its admins can export them.",
  "Organisations where your membership is deactivated are listed without their data: ask their admins.",
];

type Membership = Awaited<ReturnType<typeof listAllMembershipsOfUser>>[number];

/** One organisation's part of the file, read inside it: six statements, whatever it holds. */
async function organisationPart(tx: Tx, userId: string, m: Membership, mailSettings: Record<string, unknown> | undefined) {
  await enterOrganisation(tx, m.orgId);
  const membership = await personalMembership(tx, m.orgId, userId);
  const selfAssessments = await personalSelfAssessments(tx, m.orgId, userId);
  // The leader's side follows blind mode (lib/assessments/visibility.ts): only the cycles whose results the person sees.
  const visible = m.blindMode
    ? { cycleIds: selfAssessments.filter((a) => repSeesLeader(m.blindMode, a)).map((a) => a.cycleId) }
    : ({ all: true } as const);
  const leaderRatings = await personalLeaderRatings(tx, m.orgId, userId, visible);
  const coachingPlans = await personalCoachingPlans(tx, m.orgId, userId);
  const notes = await personalNotes(tx, m.orgId, userId);
  return {
    id: m.orgId,
    name: m.orgName,
    membership,
    mailSettings: mailSettings ?? null,
    selfAssessments: selfAssessments.map((a) => ({
      cycle: a.cycle,
      status: a.submittedAt ? "submitted" : "draft",
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      sharedAt: a.sharedAt,
      ratings: a.ratings,
    })),
    leaderRatingsSharedWithYou: leaderRatings,
    coachingPlans,
    notesYouWrote: notes
      .filter((n) => n.authorUserId === userId)
      .map((n) => ({
        about: n.about,
        heldOn: n.heldOn,
        visibility: n.shared ? "shared" : "private",
        body: n.body,
        behaviours: n.behaviours,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      })),
    notesSharedWithYou: notes
      .filter((n) => n.authorUserId !== userId)
      .map((n) => ({ author: n.author, heldOn: n.heldOn, body: n.body, behaviours: n.behaviours, createdAt: n.createdAt, updatedAt: n.updatedAt })),
  };
}

/**
 * The signed-in person's own data, as one JSON document. The account's rows are global; the memberships come from
 * the person's own-memberships policy; each organisation where they are active is then read inside it
 * (enterOrganisation, the wall of docs/rls.md), a fixed number of statements per organisation.
 */
async function buildPersonalData(tx: Tx, userId: string, now = new Date()) {
  const account = await personalAccountRow(tx, userId);
  if (!account) throw new Error(`No account ${userId}`);
  const signInHistory = await personalAuthEvents(tx, userId);
  const memberships = await listAllMembershipsOfUser(tx, userId);
  const mail = new Map(
    (await mailPreferencesOfUser(tx, userId)).map((p) => [
      p.orgId,
      { reminders: p.reminders, resultsShared: p.resultsShared, weeklyDigest: p.weeklyDigest },
    ]),
  );
  const organisations = [];
  for (const m of memberships) {
    organisations.push(
      m.status === "active"
        ? await organisationPart(tx, userId, m, mail.get(m.orgId))
        : { id: m.orgId, name: m.orgName, membership: { role: m.role, status: m.status } },
    );
  }
  return {
    format: PERSONAL_DATA_FORMAT,
    version: PERSONAL_DATA_VERSION,
    exportedAt: now.toISOString(),
    notices: PERSONAL_DATA_NOTICES,
    account,
    signInHistory,
    organisations,
  };
}

export type PersonalData = Awaited<ReturnType<typeof buildPersonalData>>;

/** `coachgrid-my-data-<yyyy-mm-dd>.json` (UTC: a person's data belongs to no organisation's time zone). */
function personalDataFileName(now = new Date()): string {
  return `coachgrid-my-data-${now.toISOString().slice(0, 10)}.json`;
}

/** GET /account/data: the file behind "Download my data" on the account page. */
export const loadPersonalData = accountLoader({ route: "/account/data", input: z.object({}) }, async ({ db, user }) => {
  const now = new Date();
  return { fileName: personalDataFileName(now), data: await buildPersonalData(db, user.id, now) };
});
