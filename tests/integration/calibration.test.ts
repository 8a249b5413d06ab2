import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { ratings } from "@/db/schema";
import type { CalibrationPage } from "@/lib/calibration/loaders";
import "@/lib/calibration/loaders";
import { registeredEntries } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";

const testDb = withTestDatabase();

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} not registered`);
  return found;
}

async function call(name: string, f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  actAs(f, persona);
  return entry(name).call(f.slug, input);
}

async function page(f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  const outcome = await call("/o/[slug]/calibration", f, persona, input);
  if (outcome.status !== "ok") throw new Error(`${persona}: ${outcome.code}`);
  return outcome.data as CalibrationPage;
}

/** Lee rates Remy 2, 4, 3 on b0-b2; Olu rates Ora 5, 5, 4 (the last to save a rating is its rater). */
async function rated() {
  const f = await createMatrixOrganisation(testDb());
  const rows = [
    [f.users.rep, f.users.leader, [2, 4, 3]],
    [f.users.otherRep, f.users.otherLeader, [5, 5, 4]],
  ] as const;
  await testDb()
    .insert(ratings)
    .values(
      rows.flatMap(([repUserId, updatedBy, scores]) =>
        scores.map((score, i) => ({ orgId: f.orgId, cycleId: f.cycles.open, repUserId, behaviourId: f.behaviourIds[i]!, score, updatedBy })),
      ),
    );
  return f;
}

describe("how leaders rate", () => {
  it("gives each rater's count, mean, deviation and distribution, set against the organisation and the other leaders (hand-computed)", async () => {
    const f = await rated();
    const admin = await page(f, "admin");
    expect(admin.cycle?.id).toBe(f.cycles.open);
    // All six ratings: sum 23, mean 23/6.
    expect(admin.organisation).toMatchObject({ count: 6, sum: 23 });
    expect(admin.organisation!.mean).toBeCloseTo(23 / 6, 10);
    expect(admin.raters.map((r) => r.name)).toEqual(["Lee Leader", "Olu Otherleader"]);
    const lee = admin.raters[0]!;
    expect(lee.overall).toMatchObject({ count: 3, mean: 3, sd: 1, distribution: [0, 1, 1, 1, 0], tendency: null });
    expect(lee.overall.vsOrganisation).toBeCloseTo(3 - 23 / 6, 10);
    expect(lee.overall.vsOthers).toBeCloseTo(3 - 14 / 3, 10);
    const olu = admin.raters[1]!;
    expect(olu.overall).toMatchObject({ count: 3, distribution: [0, 0, 0, 1, 2] });
    expect(olu.overall.sd).toBeCloseTo(Math.sqrt(1 / 3), 10);
    // Per behaviour: on b0 Lee gave 2, Olu 5 (org mean 3.5), so Lee is 3 below the others; a lone rating has no deviation.
    expect(lee.behaviours.map((b) => [b.behaviourId, b.count, b.mean, b.sd, b.vsOrganisation, b.vsOthers])).toEqual([
      [f.behaviourIds[0], 1, 2, null, -1.5, -3],
      [f.behaviourIds[1], 1, 4, null, -0.5, -1],
      [f.behaviourIds[2], 1, 3, null, -0.5, -1],
    ]);
  });

  it("shows a leader their own figures only, against the whole organisation's; a rep nothing", async () => {
    const f = await rated();
    const own = await page(f, "otherLeader");
    expect(own.ownOnly).toBe(true);
    expect(own.raters.map((r) => r.name)).toEqual(["Olu Otherleader"]);
    expect(own.organisation).toMatchObject({ count: 6, sum: 23 });
    expect(JSON.stringify(own)).not.toContain("Lee Leader");
    // A leader who rated no one this cycle gets no rows, and still nothing of the others'.
    const none = await page(f, "coLeader");
    expect(none.raters).toEqual([]);
    for (const persona of ["rep", "otherRep"] as const) {
      expect((await call("/o/[slug]/calibration", f, persona)).status).toBe("error");
      expect((await call("/o/[slug]/calibration/export", f, persona)).status).toBe("error");
    }
  });

  it("writes the page's numbers row for row into the CSV", async () => {
    const f = await rated();
    const outcome = await call("/o/[slug]/calibration/export", f, "admin");
    if (outcome.status !== "ok") throw new Error(outcome.code);
    const { fileName, csv } = outcome.data as { fileName: string; csv: string };
    expect(fileName).toMatch(/-calibration\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Rater,Behaviour,Ratings,Mean,Standard deviation,Ones,Twos,Threes,Fours,Fives,Versus organisation,Versus other leaders,Rates",
    );
    expect(lines).toHaveLength(1 + 2 * (1 + 3));
    expect(lines[1]).toBe("Lee Leader,All behaviours,3,3,1,0,1,1,1,0,-0.83,-1.67,");
    expect(lines[2]).toMatch(/^Lee Leader,[^,]+,1,2,,0,1,0,0,0,-1\.5,-3,$/);
  });

  it("marks a rater past the rule: 0.5 from the others' mean over at least 30 ratings", async () => {
    const f = await createMatrixOrganisation(testDb());
    // 30 ratings each: Lee gives 4s, Olu 3s (ten reps x three behaviours each, the reps added to the fixture).
    const reps: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const user = await insertUser(testDb(), {
        name: `Rep ${i}`,
        email: `rep.${i}.${crypto.randomUUID().slice(0, 8)}@example.test`,
        passwordHash: "x",
      });
      await insertMembership(testDb(), f.orgId, { userId: user.id, role: "rep", teamId: i < 10 ? f.teamId : f.otherTeamId });
      reps.push(user.id);
    }
    await testDb()
      .insert(ratings)
      .values(
        reps.flatMap((repUserId, i) =>
          f.behaviourIds.map((behaviourId) => ({
            orgId: f.orgId,
            cycleId: f.cycles.open,
            repUserId,
            behaviourId,
            score: i < 10 ? 4 : 3,
            updatedBy: i < 10 ? f.users.leader : f.users.otherLeader,
          })),
        ),
      );
    const { result: admin, queries } = await countQueries(() => page(f, "admin"));
    expect(admin.raters.map((r) => [r.name, r.overall.count, r.overall.tendency])).toEqual([
      ["Lee Leader", 30, "higher"],
      ["Olu Otherleader", 30, "lower"],
    ]);
    // Per behaviour each has 10 ratings: below the rule's 30, so no mark there.
    expect(admin.raters.flatMap((r) => r.behaviours.map((b) => b.tendency))).toEqual([null, null, null, null, null, null]);
    // The same statements as for the two-rep organisation.
    const small = await rated();
    const { queries: fewer } = await countQueries(() => page(small, "admin"));
    expect(queries).toBeGreaterThan(0);
    expect(queries).toBe(fewer);
  });
});
