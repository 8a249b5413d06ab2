import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ensureAssessment, upsertSelfRating } from "@/db/queries/assessments";
import { insertNote } from "@/db/queries/coaching";
import { assessments, auditEvents, oneOnOneNotes, organisations, selfRatings } from "@/db/schema";
import { coachSeesSelf } from "@/lib/assessments/visibility";
import type { RegistryEntry } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { matrixCase, type MatrixFixture } from "../support/matrix";
import { loadRegistry } from "../support/registry";

/**
 * The audit log is read by admins (and exported by them). Blind mode and private notes hide some values from
 * admins: a rep's self ratings until submitted, a leader's private note text. For every registered action, run as
 * someone allowed with its valid input on an organisation that holds such hidden values, no audit event may carry
 * one — whatever the action. The hidden values are worked out after the call with the rules of
 * lib/assessments/visibility.ts, so values the action itself writes (a draft answer) count too.
 */
const testDb = withTestDatabase();
const entries = await loadRegistry();
type MemberEntry = Extract<RegistryEntry, { entry: "member" }>;
// An entry this deployment does not serve (the benchmark's) answers not_found and audits nothing: bench-entries.test.ts.
const actions = entries.filter((e): e is MemberEntry => e.entry === "member" && e.kind === "action" && (e.served?.() ?? true));

const SELF_COMMENT = "SENTINEL self comment, hidden until submitted";
const NOTE_BODY = "SENTINEL private note, for its author only";

/** A draft self-assessment of `otherRep` (score 4 with a comment) and a private note of `leader` about `rep`. */
async function seedHidden(db: Db, f: MatrixFixture) {
  await ensureAssessment(db, f.orgId, f.cycles.open, f.users.otherRep);
  await upsertSelfRating(
    db,
    f.orgId,
    { cycleId: f.cycles.open, repUserId: f.users.otherRep, behaviourId: f.behaviourIds[1] },
    { score: 4, comment: SELF_COMMENT },
  );
  await insertNote(db, f.orgId, f.users.rep, f.users.leader, { heldOn: "2026-01-05", body: NOTE_BODY, shared: false, behaviourIds: [] });
}

type Hidden = { text: string[]; scores: { repUserId: string; cycleId: string; behaviourId: string; score: number }[] };

/** What the organisation's admin may not see right now, by the visibility rules. */
async function hiddenFromAdmin(db: Db, f: MatrixFixture): Promise<Hidden> {
  const [org] = await db.select({ blindMode: organisations.blindMode }).from(organisations).where(eq(organisations.id, f.orgId));
  const self = await db
    .select({ rating: selfRatings, submittedAt: assessments.submittedAt, sharedAt: assessments.sharedAt })
    .from(selfRatings)
    .leftJoin(
      assessments,
      and(eq(assessments.orgId, selfRatings.orgId), eq(assessments.cycleId, selfRatings.cycleId), eq(assessments.repUserId, selfRatings.repUserId)),
    )
    .where(eq(selfRatings.orgId, f.orgId));
  const hiddenSelf = self.filter((row) => !coachSeesSelf(org!.blindMode, { submittedAt: row.submittedAt, sharedAt: row.sharedAt }));
  const notes = await db.select().from(oneOnOneNotes).where(eq(oneOnOneNotes.orgId, f.orgId));
  return {
    text: [
      ...hiddenSelf.flatMap((row) => (row.rating.comment ? [row.rating.comment] : [])),
      ...notes.filter((n) => !n.shared && n.authorUserId !== f.users.admin).map((n) => n.body),
    ].filter((t) => t.length >= 6),
    scores: hiddenSelf.flatMap((row) => (row.rating.score === null ? [] : [{ ...row.rating, score: row.rating.score }])),
  };
}

/** Every leaf of a JSON value with the key it sits under. */
function leaves(value: unknown, key = ""): { key: string; value: unknown }[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, Array.isArray(value) ? key : k));
  return [{ key, value }];
}

type Event = typeof auditEvents.$inferSelect;

function leaks(event: Event, hidden: Hidden): string[] {
  const found: string[] = [];
  const all = [...leaves(event.before), ...leaves(event.after), { key: "targetLabel", value: event.targetLabel }];
  for (const { key, value } of all) {
    if (typeof value === "string" && hidden.text.some((t) => value.includes(t))) found.push(`${key}: hidden text`);
  }
  // A score leaks when the event is about a hidden self rating (its cycle and behaviour, by the rep or naming the rep).
  for (const s of hidden.scores) {
    const target = event.targetId ?? "";
    const about = target.includes(s.cycleId) && target.includes(s.behaviourId) && (event.actorUserId === s.repUserId || target.includes(s.repUserId));
    if (!about) continue;
    for (const { key, value } of all) if (/score/i.test(key) && value === s.score) found.push(`${key}: hidden score ${s.score}`);
  }
  return found;
}

describe("the audit log carries nothing that blind mode or a private note hides from admins", () => {
  it("covers the registry's actions", () => {
    expect(actions.length).toBeGreaterThan(20);
  });

  for (const entry of actions) {
    it(`${entry.name}`, async () => {
      const db = testDb();
      const f = await createMatrixOrganisation(db);
      await seedHidden(db, f);
      const { input, prepare } = matrixCase(entry);
      await prepare?.(db, f);
      const before = new Set((await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.orgId, f.orgId))).map((e) => e.id));
      actAs(f, entry.expect.allow[0] ?? "admin");
      const outcome = await entry.call(f.slug, input(f));
      expect(outcome.status, JSON.stringify(outcome)).toBe("ok");
      const events = (await db.select().from(auditEvents).where(eq(auditEvents.orgId, f.orgId))).filter((e) => !before.has(e.id));
      // A read-only action (a preview) changes nothing, so it records nothing; every other one records its change.
      if (entry.readOnly) expect(events, "a read-only action audited something").toEqual([]);
      else expect(events.length, "the action audited nothing").toBeGreaterThan(0);
      const hidden = await hiddenFromAdmin(db, f);
      for (const event of events)
        expect(leaks(event, hidden), `${event.action} audited ${JSON.stringify({ before: event.before, after: event.after })}`).toEqual([]);
    });
  }
});
