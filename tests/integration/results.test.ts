import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertMembership } from "@/db/queries/organisations";
import { insertUser } from "@/db/queries/accounts";
import { countQueries } from "@/db/query-counter";
import { apiTokens, auditEvents, measures, results } from "@/db/schema";
import { putResults, describeApi } from "@/lib/results/api";
import { apiAnswer } from "@/lib/results/api-http";
import { saveResult } from "@/lib/results/entry-actions";
import { loadResultsPage } from "@/lib/results/loaders";
import { addMeasure, archiveMeasure, chooseMainMeasure, editMeasure } from "@/lib/results/measure-actions";
import type { ResultsPreview } from "@/lib/results/preview";
import { createApiToken, revokeApiToken } from "@/lib/results/token-actions";
import { previewResultsUpload, uploadResults } from "@/lib/results/upload-actions";
import { hashToken } from "@/lib/tokens";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { MATRIX_RESULT_IDS, matrixRepEmail, prepareApiToken, prepareMeasures } from "../support/matrix/results";
import { snapshotTables, snapshotWithoutCounters } from "../support/snapshot";

const testDb = withTestDatabase();
type Fixture = Awaited<ReturnType<typeof createMatrixOrganisation>>;

function ok<T>(state: { status: string }): T {
  if (state.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(state).slice(0, 800)}`);
  return (state as unknown as { data: T }).data;
}
const code = (state: { status: string; code?: string }) => (state.status === "ok" ? "ok" : state.code);

const otherRepEmail = (f: Fixture) => `ora.otherrep.${f.slug.replace(/^matrix-/, "")}@example.test`;
const leaderEmail = (f: Fixture) => `lee.leader.${f.slug.replace(/^matrix-/, "")}@example.test`;

/** A fixture with the matrix measures plus "Revenue" (EUR, id returned), signed in as the admin. */
async function setUp() {
  const f = await createMatrixOrganisation(testDb());
  await prepareMeasures(testDb(), f);
  actAs(f, "admin");
  const revenue = ok<{ measureId: string }>(
    await addMeasure(f.slug, { name: "Revenue", unit: "currency", currencyCode: "eur", higherIsBetter: "true" }),
  );
  return { f, quota: MATRIX_RESULT_IDS.measure, revenue: revenue.measureId };
}

async function valuesOf(f: Fixture, cycleId = f.cycles.open) {
  const rows = await testDb()
    .select({ rep: results.repUserId, measure: results.measureId, value: results.value, by: results.updatedBy })
    .from(results)
    .where(and(eq(results.orgId, f.orgId), eq(results.cycleId, cycleId)));
  return rows.sort((a, b) => `${a.rep}${a.measure}`.localeCompare(`${b.rep}${b.measure}`));
}

async function auditOf(f: Fixture, action: string) {
  return testDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, action)));
}

describe("measures", () => {
  it("adds, renames, archives and chooses the main measure, with clear refusals", async () => {
    const { f, quota, revenue } = await setUp();
    const [row] = await testDb()
      .select()
      .from(measures)
      .where(and(eq(measures.orgId, f.orgId), eq(measures.id, revenue)));
    expect(row).toMatchObject({ name: "Revenue", unit: "currency", currencyCode: "EUR", higherIsBetter: true, isMain: false });

    const noCode = await addMeasure(f.slug, { name: "Pipeline", unit: "currency", higherIsBetter: "true" });
    expect(noCode).toMatchObject({ code: "invalid", fieldErrors: { currencyCode: "A currency measure needs its currency code, like EUR or USD." } });
    expect(await addMeasure(f.slug, { name: "revenue", unit: "number", higherIsBetter: "false" })).toMatchObject({
      fieldErrors: { name: "A measure with this name already exists (archived ones count too)." },
    });
    expect(await addMeasure(f.slug, { name: "  ", unit: "percent", higherIsBetter: "true" })).toMatchObject({ code: "invalid" });
    expect(await addMeasure(f.slug, { name: "Zed", unit: "currency", currencyCode: "XYZ1", higherIsBetter: "true" })).toMatchObject({
      code: "invalid",
    });

    ok(await editMeasure(f.slug, { measureId: revenue, name: "Net revenue", unit: "currency", currencyCode: "USD", higherIsBetter: "true" }));
    ok(await chooseMainMeasure(f.slug, { measureId: quota }));
    ok(await chooseMainMeasure(f.slug, { measureId: revenue }));
    const rows = await testDb().select().from(measures).where(eq(measures.orgId, f.orgId));
    expect(rows.filter((m) => m.isMain).map((m) => m.name)).toEqual(["Net revenue"]);

    ok(await archiveMeasure(f.slug, { measureId: revenue }));
    const [archived] = await testDb()
      .select()
      .from(measures)
      .where(and(eq(measures.orgId, f.orgId), eq(measures.id, revenue)));
    expect(archived).toMatchObject({ isMain: false, currencyCode: "USD", name: "Net revenue" });
    expect(archived!.archivedAt).not.toBeNull();
    expect(await chooseMainMeasure(f.slug, { measureId: revenue })).toMatchObject({ code: "conflict" });
    expect((await auditOf(f, "measure.edit"))[0]).toMatchObject({ targetLabel: "Net revenue", before: expect.objectContaining({ name: "Revenue" }) });
  });
});

describe("the results upload", () => {
  it("reads a spreadsheet's file: byte-order mark, ';', quoted fields, decimal comma, percent, thousands", async () => {
    const { f } = await setUp();
    const file = [
      "\uFEFFRep email;Measure;Value;Note",
      `${matrixRepEmail(f)};Quota attainment;"87,5%";"first; quoted"`,
      `${otherRepEmail(f)};quota ATTAINMENT;"101,25";`,
      `"${matrixRepEmail(f)}";Revenue;"1.234.567,5";`,
      `${otherRepEmail(f)};Revenue;"48 200";`,
    ].join("\r\n");
    const preview = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
    expect(preview.counts).toEqual({ new: 4, changed: 0, unchanged: 0, error: 0 });
    expect(preview.rows.map((r) => [r.row, r.value])).toEqual([
      [2, 87.5],
      [3, 101.25],
      [4, 1234567.5],
      [5, 48200],
    ]);
    expect(preview.ignoredColumns).toEqual(["Note"]);
    expect(await valuesOf(f)).toEqual([]); // the preview writes nothing

    const written = ok<{ new: number; changed: number; unchanged: number; changedAny: boolean }>(
      await uploadResults(f.slug, { cycleId: f.cycles.open, content: file, digest: preview.digest }),
    );
    expect(written).toMatchObject({ new: 4, changed: 0, unchanged: 0, changedAny: true });
    expect((await valuesOf(f)).map((r) => r.value).sort((a, b) => a - b)).toEqual([87.5, 101.25, 48200, 1234567.5]);
    expect((await valuesOf(f)).every((r) => r.by === f.users.admin)).toBe(true);
    expect(await auditOf(f, "results.upload")).toHaveLength(1);
  });

  it("reads a ','-separated file with quoted thousands and a decimal point", async () => {
    const { f } = await setUp();
    const file = `email,measure,value\n${matrixRepEmail(f)},Revenue,"12,500.75"\n${otherRepEmail(f)},Quota attainment,12.5\n`;
    const preview = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
    expect(preview.rows.map((r) => r.value)).toEqual([12500.75, 12.5]);
  });

  it("checks every row: unknown rep, not a rep, unknown or archived measure, not a number, duplicates; nothing is written", async () => {
    const { f } = await setUp();
    const file = [
      "rep email;measure;value",
      `nobody@example.test;Quota attainment;50`,
      `${leaderEmail(f)};Quota attainment;50`,
      `${matrixRepEmail(f)};Win rate;50`,
      `${matrixRepEmail(f)};Old revenue;50`,
      `${otherRepEmail(f)};Quota attainment;lots`,
      `${otherRepEmail(f)};Revenue;85%`,
      `${matrixRepEmail(f)};Quota attainment;50`,
      `${matrixRepEmail(f)};quota attainment;51`,
    ].join("\n");
    const preview = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
    const notes = Object.fromEntries(preview.rows.map((r) => [r.row, [r.status, r.note]]));
    expect(notes[2]).toEqual(["error", "Nobody with the email nobody@example.test is in this organisation."]);
    expect(notes[3]).toEqual(["error", "Lee Leader is a leader, not a rep."]);
    expect(notes[4]![1]).toMatch(/^There is no measure “Win rate”\. Measures: Quota attainment, Revenue\.$/);
    expect(notes[5]).toEqual(["error", "The measure Old revenue is archived: restore it first, or leave this row out."]);
    expect(notes[6]).toEqual(["error", "“lots” is not a number."]);
    expect(notes[7]).toEqual(["error", "“85%” is a percentage, but this measure is not in percent."]);
    expect(notes[8]).toEqual(["error", "Remy Rep’s Quota attainment is also in row 9: keep one."]);
    expect(notes[9]).toEqual(["error", "Remy Rep’s Quota attainment is also in row 8: keep one."]);
    expect(preview.counts.error).toBe(8);

    const before = await snapshotTables(testDb());
    const refused = await uploadResults(f.slug, { cycleId: f.cycles.open, content: file, digest: preview.digest });
    expect(refused).toMatchObject({ code: "invalid", message: "8 rows have errors: fix the file and upload it again. Nothing was saved." });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("refuses a file that is not a results file with the reason", async () => {
    const { f } = await setUp();
    const noHeader = await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: "name,email\nA,a@example.test\n" });
    expect(noHeader).toMatchObject({ code: "invalid" });
    expect(Object.values((noHeader as { fieldErrors: Record<string, string> }).fieldErrors)[0]).toMatch(
      /^The first row must name the columns rep email, measure and value/,
    );
    expect(
      await previewResultsUpload(f.slug, { cycleId: f.cycles.draft, content: `email;measure;value\n${matrixRepEmail(f)};Revenue;1\n` }),
    ).toMatchObject({
      code: "invalid",
      fieldErrors: { cycleId: "Choose an open or closed cycle." },
    });
  });

  it("re-uploading the same file changes nothing and says so; a changed value is updated", async () => {
    const { f } = await setUp();
    const file = `email;measure;value\n${matrixRepEmail(f)};Quota attainment;90\n${otherRepEmail(f)};Quota attainment;80\n`;
    ok(await uploadResults(f.slug, { cycleId: f.cycles.open, content: file }));
    const first = await valuesOf(f);
    const [updatedAt] = await testDb().select({ at: results.updatedAt }).from(results).where(eq(results.orgId, f.orgId));

    const again = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2, error: 0 });
    const before = await snapshotTables(testDb());
    const second = await uploadResults(f.slug, { cycleId: f.cycles.open, content: file, digest: again.digest });
    expect(ok(second)).toMatchObject({ new: 0, changed: 0, unchanged: 2, changedAny: false });
    const after = await snapshotTables(testDb());
    expect({ ...after, audit_events: "" }).toEqual({ ...before, audit_events: "" }); // only the upload's audit event is new
    expect(await valuesOf(f)).toEqual(first);
    const [stillAt] = await testDb().select({ at: results.updatedAt }).from(results).where(eq(results.orgId, f.orgId));
    expect(stillAt).toEqual(updatedAt);

    const changed = file.replace(";80", ";82,5");
    const preview = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: changed }));
    expect(preview.rows.find((r) => r.value === 82.5)).toMatchObject({ status: "changed", previous: 80, note: "Was 80." });
    ok(await uploadResults(f.slug, { cycleId: f.cycles.open, content: changed, digest: preview.digest }));
    expect((await valuesOf(f)).map((r) => r.value).sort()).toEqual([82.5, 90]);
  });

  it("refuses a confirm whose preview is out of date, with the new preview", async () => {
    const { f } = await setUp();
    const file = `email;measure;value\n${matrixRepEmail(f)};Quota attainment;90\n`;
    const preview = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
    ok(await saveResult(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, measureId: MATRIX_RESULT_IDS.measure, value: "70" }));
    const stale = await uploadResults(f.slug, { cycleId: f.cycles.open, content: file, digest: preview.digest });
    expect(stale).toMatchObject({ code: "conflict", details: { preview: { counts: { changed: 1 } } } });
  });

  it("lets a leader upload for their teams' reps only", async () => {
    const { f } = await setUp();
    actAs(f, "otherLeader");
    const file = `email;measure;value\n${matrixRepEmail(f)};Quota attainment;90\n`;
    const preview = ok<ResultsPreview>(await previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
    expect(preview.rows[0]).toMatchObject({ status: "error", note: "Remy Rep is not in a team you lead." });
    expect(await uploadResults(f.slug, { cycleId: f.cycles.open, content: file })).toMatchObject({ code: "forbidden" });
    actAs(f, "leader");
    ok(await uploadResults(f.slug, { cycleId: f.cycles.open, content: file }));
    expect((await valuesOf(f)).map((r) => [r.value, r.by])).toEqual([[90, f.users.leader]]);
  });

  it("previews and writes in a constant number of statements, whatever the rows", async () => {
    const { f } = await setUp();
    const counts: { preview: number; upload: number }[] = [];
    for (const rows of [1, 2]) {
      const lines = [matrixRepEmail(f), otherRepEmail(f)]
        .slice(0, rows)
        .flatMap((email) => [`${email};Quota attainment;9${rows}`, `${email};Revenue;1${rows}00`]);
      const file = ["email;measure;value", ...lines].join("\n");
      const preview = await countQueries(() => previewResultsUpload(f.slug, { cycleId: f.cycles.open, content: file }));
      const upload = await countQueries(() => uploadResults(f.slug, { cycleId: f.cycles.open, content: file }));
      ok(upload.result);
      counts.push({ preview: preview.queries, upload: upload.queries });
    }
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe("typing results", () => {
  it("saves, changes and clears a value through the chain, each audited; a leader only for their teams' reps", async () => {
    const { f, quota } = await setUp();
    actAs(f, "leader");
    const input = { cycleId: f.cycles.open, repUserId: f.users.rep, measureId: quota };
    expect(ok(await saveResult(f.slug, { ...input, value: "91,5%" }))).toEqual({ value: 91.5 });
    expect(ok(await saveResult(f.slug, { ...input, value: "92" }))).toEqual({ value: 92 });
    expect(await saveResult(f.slug, { ...input, value: "ninety" })).toMatchObject({
      code: "invalid",
      fieldErrors: { value: "“ninety” is not a number." },
    });
    expect((await valuesOf(f)).map((r) => [r.value, r.by])).toEqual([[92, f.users.leader]]);
    expect(ok(await saveResult(f.slug, { ...input, value: "" }))).toEqual({ value: null });
    expect(await valuesOf(f)).toEqual([]);
    const events = await auditOf(f, "result.save");
    expect(events.map((e) => [e.before, e.after])).toEqual(
      expect.arrayContaining([
        [{ value: null }, { value: 91.5 }],
        [{ value: 91.5 }, { value: 92 }],
        [{ value: 92 }, { value: null }],
      ]),
    );
    expect(events).toHaveLength(3);

    actAs(f, "otherLeader");
    expect(code(await saveResult(f.slug, { ...input, value: "50" }))).toBe("forbidden");
    actAs(f, "rep");
    expect(code(await saveResult(f.slug, { ...input, value: "50" }))).toBe("forbidden");
    expect(await valuesOf(f)).toEqual([]);
  });

  it("refuses a value for an archived measure or a draft cycle", async () => {
    const { f, revenue } = await setUp();
    expect(await saveResult(f.slug, { cycleId: f.cycles.draft, repUserId: f.users.rep, measureId: revenue, value: "1" })).toMatchObject({
      code: "invalid",
    });
    ok(await archiveMeasure(f.slug, { measureId: revenue }));
    expect(await saveResult(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, measureId: revenue, value: "1" })).toMatchObject({
      code: "conflict",
    });
  });
});

describe("who sees which values", () => {
  it("a rep gets their own values only; a leader their teams'; an admin everyone's", async () => {
    const { f, quota } = await setUp();
    // A rep of team B, whom team A's leader must not see.
    const teamBRep = await insertUser(testDb(), { name: "Bea Beerep", email: `bea.${f.slug}@example.test`, passwordHash: "x" });
    await insertMembership(testDb(), f.orgId, { userId: teamBRep!.id, role: "rep", teamId: f.otherTeamId });
    for (const [rep, value] of [
      [f.users.rep, "11"],
      [f.users.otherRep, "22222.5"],
      [teamBRep!.id, "33"],
    ] as const) {
      ok(await saveResult(f.slug, { cycleId: f.cycles.open, repUserId: rep, measureId: quota, value }));
    }
    const seen = async () => {
      const page = await loadResultsPage(f.slug, {});
      return { reps: page.reps.map((r) => r.userId).sort(), values: page.values.map((v) => v.value).sort(), own: page.own };
    };
    expect(await seen()).toEqual({ reps: [f.users.rep, f.users.otherRep, teamBRep!.id].sort(), values: [11, 22222.5, 33], own: false });
    actAs(f, "leader");
    expect(await seen()).toEqual({ reps: [f.users.rep, f.users.otherRep].sort(), values: [11, 22222.5], own: false });
    actAs(f, "rep");
    const mine = await loadResultsPage(f.slug, {});
    expect(mine).toMatchObject({ own: true, values: [{ repUserId: f.users.rep, value: 11 }] });
    const payload = JSON.stringify(mine);
    expect(payload).not.toContain(f.users.otherRep);
    expect(payload).not.toContain("22222");
    expect(payload).not.toContain("Ora Otherrep");
  });
});

describe("API tokens", () => {
  it("are shown once, stored as a SHA-256 hash with a prefix, listed without it, and revoked", async () => {
    const { f } = await setUp();
    const created = ok<{ token: string; tokenId: string; prefix: string }>(await createApiToken(f.slug, { name: "CRM nightly export" }));
    expect(created.token).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    const [row] = await testDb()
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, f.orgId), eq(apiTokens.id, created.tokenId)));
    expect(row).toMatchObject({
      tokenHash: hashToken(created.token),
      prefix: created.token.slice(0, 9),
      scopes: ["results:write"],
      createdBy: f.users.admin,
    });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await createApiToken(f.slug, { name: " " })).toMatchObject({ code: "invalid" });
    ok(await revokeApiToken(f.slug, { tokenId: created.tokenId }));
    expect(await revokeApiToken(f.slug, { tokenId: created.tokenId })).toMatchObject({ code: "conflict" });
    expect((await auditOf(f, "apiToken.create")).map((e) => e.targetLabel)).toEqual(["CRM nightly export"]);
    expect(await auditOf(f, "apiToken.revoke")).toHaveLength(1);
    actAs(f, "leader");
    expect(code(await createApiToken(f.slug, { name: "Mine" }))).toBe("forbidden");
  });
});

describe("the REST API", () => {
  const body = (f: Fixture, value = 91.5) => ({
    cycleId: f.cycles.open,
    results: [{ email: matrixRepEmail(f).toUpperCase(), measure: "Quota attainment", value }],
  });

  it("writes values with a token: no actor, the use audited naming the token, its last use recorded; the same body again changes nothing", async () => {
    const { f, revenue } = await setUp();
    const token = await prepareApiToken(testDb(), f);
    actAs(f, "signedOut");
    const answer = ok(
      await putResults(f.slug, token, {
        cycleId: f.cycles.open,
        results: [
          { email: matrixRepEmail(f), measure: "quota attainment", value: 91.5 },
          { email: otherRepEmail(f), measure: revenue, value: 120000 },
        ],
      }),
    );
    expect(answer).toEqual({ cycle: { id: f.cycles.open, name: "Q2" }, received: 2, created: 2, updated: 0, unchanged: 0 });
    expect((await valuesOf(f)).map((r) => [r.value, r.by]).sort()).toEqual([
      [120000, null],
      [91.5, null],
    ]);
    const [event] = await auditOf(f, "results.apiWrite");
    expect(event).toMatchObject({ actorUserId: null, targetType: "api_token", targetId: MATRIX_RESULT_IDS.apiToken, targetLabel: "CRM export" });
    const [used] = await testDb().select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.orgId, f.orgId));
    expect(used!.at).not.toBeNull();

    const again = ok(
      await putResults(f.slug, token, { cycleId: f.cycles.open, results: [{ email: matrixRepEmail(f), measure: "Quota attainment", value: 91.5 }] }),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await auditOf(f, "results.apiWrite")).toHaveLength(2);
  });

  it("refuses another organisation's token, a revoked token and no token (401), a token without the scope (403), changing nothing", async () => {
    const { f } = await setUp();
    const token = await prepareApiToken(testDb(), f);
    const other = await createMatrixOrganisation(testDb());
    const otherToken = await prepareApiToken(testDb(), other);
    actAs(f, "signedOut");
    const before = await snapshotWithoutCounters(testDb());
    expect(await putResults(f.slug, otherToken, body(f))).toMatchObject({
      code: "unauthenticated",
      message: "This API token is not valid for this organisation.",
    });
    expect(code(await putResults(other.slug, token, body(other)))).toBe("unauthenticated");
    expect(code(await putResults(f.slug, "", body(f)))).toBe("unauthenticated");
    expect(code(await putResults(f.slug, "cg_made-up", body(f)))).toBe("unauthenticated");
    expect(code(await putResults("no-such-organisation", token, body(f)))).toBe("not_found");

    await testDb().update(apiTokens).set({ scopes: [] }).where(eq(apiTokens.orgId, f.orgId));
    expect(await putResults(f.slug, token, body(f))).toMatchObject({
      code: "forbidden",
      message: "This API token does not have the scope results:write.",
    });
    await testDb()
      .update(apiTokens)
      .set({ scopes: ["results:write"], revokedAt: new Date() })
      .where(eq(apiTokens.orgId, f.orgId));
    expect(await putResults(f.slug, token, body(f))).toMatchObject({ code: "unauthenticated", message: "This API token was revoked." });
    const after = await snapshotWithoutCounters(testDb());
    // Only the scopes and revocation this test set by hand moved the token's row (and so the organisation's revision).
    expect({ ...after, api_tokens: "", org_revisions: "" }).toEqual({ ...before, api_tokens: "", org_revisions: "" });
    expect(await valuesOf(f)).toEqual([]);
  });

  it("answers 404 for another organisation's cycle and 422 for another organisation's rep, writing nothing", async () => {
    const { f } = await setUp();
    const token = await prepareApiToken(testDb(), f);
    const other = await createMatrixOrganisation(testDb());
    actAs(f, "signedOut");
    const before = await snapshotWithoutCounters(testDb());
    expect(await putResults(f.slug, token, { ...body(f), cycleId: other.cycles.open })).toMatchObject({
      code: "not_found",
      message: "There is no such cycle in this organisation.",
    });
    expect(code(await putResults(f.slug, token, { ...body(f), cycleId: "not-a-uuid" }))).toBe("not_found");
    expect(await putResults(f.slug, token, { ...body(f), cycleId: f.cycles.draft })).toMatchObject({
      code: "invalid",
      message: "Q3 has not opened yet: results go into an open or closed cycle. Nothing was written.",
    });
    const foreignRep = await putResults(f.slug, token, {
      cycleId: f.cycles.open,
      results: [
        { email: matrixRepEmail(f), measure: "Quota attainment", value: 50 },
        { email: matrixRepEmail(other), measure: "Quota attainment", value: 60 },
      ],
    });
    expect(foreignRep).toMatchObject({
      code: "invalid",
      message: "1 result is invalid. Nothing was written.",
      details: {
        rows: [
          {
            index: 1,
            email: matrixRepEmail(other),
            measure: "Quota attainment",
            message: `Nobody with the email ${matrixRepEmail(other)} is in this organisation.`,
          },
        ],
      },
    });
    expect(
      await putResults(f.slug, token, { cycleId: f.cycles.open, results: [{ email: matrixRepEmail(f), measure: "Quota attainment", value: "50" }] }),
    ).toMatchObject({
      code: "invalid",
    });
    expect(await putResults(f.slug, token, { cycleId: f.cycles.open, results: [], extra: 1 })).toMatchObject({ code: "invalid" });
    expect(await snapshotWithoutCounters(testDb())).toEqual(before);
  });

  it("turns outcomes into HTTP answers: 401, 403, 404, 422 with rows, 429 with Retry-After", async () => {
    const answers = await Promise.all(
      [
        { status: "error", code: "unauthenticated", message: "No." },
        { status: "error", code: "forbidden", message: "No." },
        { status: "error", code: "not_found", message: "No." },
        { status: "error", code: "invalid", message: "1 result is invalid.", fieldErrors: { "results.0": "x" }, details: { rows: [{ index: 0 }] } },
        { status: "error", code: "invalid", message: "Bad.", fieldErrors: { "results.0.value": "Expected number" } },
        { status: "error", code: "conflict", message: "Slow down.", details: { retryAfterSeconds: 30 } },
        { status: "ok", data: { created: 1 } },
      ].map(async (outcome) => {
        const response = apiAnswer(outcome as Parameters<typeof apiAnswer>[0]);
        return [response.status, await response.json(), response.headers.get("retry-after")];
      }),
    );
    expect(answers).toEqual([
      [401, { error: { code: "unauthorized", message: "No." } }, null],
      [403, { error: { code: "forbidden", message: "No." } }, null],
      [404, { error: { code: "not_found", message: "No." } }, null],
      [422, { error: { code: "invalid", message: "1 result is invalid.", rows: [{ index: 0 }] } }, null],
      [
        422,
        { error: { code: "invalid", message: "The body is not valid. Nothing was written.", fields: { "results.0.value": "Expected number" } } },
        null,
      ],
      [429, { error: { code: "rate_limited", message: "Slow down." } }, "30"],
      [200, { created: 1 }, null],
    ]);
  });

  it("rate-limits each token: past 60 calls a minute it answers with a wait, writing nothing", async () => {
    const { f } = await setUp();
    const token = await prepareApiToken(testDb(), f);
    actAs(f, "signedOut");
    const codes: string[] = [];
    for (let i = 0; i < 61; i += 1) codes.push(code(await putResults(f.slug, token, { cycleId: f.cycles.open, results: [] }))!);
    expect(codes.slice(0, 60).filter((c) => c !== "invalid")).toEqual([]);
    expect(codes[60]).toBe("conflict");
    expect(await putResults(f.slug, token, body(f))).toMatchObject({ code: "conflict", details: { retryAfterSeconds: expect.any(Number) } });
    expect(await valuesOf(f)).toEqual([]);
  });

  it("describes itself in OpenAPI from the same zod schemas", async () => {
    const doc = ok<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    }>(await describeApi({ serverUrl: "http://localhost:3000" }));
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/api/v1/organisations/{slug}/cycles/{cycleId}/results"]);
    const bodySchema = doc.components.schemas.ResultsBody!;
    expect(bodySchema.required).toEqual(["results"]);
    expect(bodySchema.properties!.results).toMatchObject({
      type: "array",
      minItems: 1,
      maxItems: 5000,
      items: { required: ["email", "measure", "value"] },
    });
    expect(doc.components.schemas.Error!.properties).toHaveProperty("error");
  });
});
