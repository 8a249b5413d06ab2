import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/db/queries/accounts";
import { insertBehaviours } from "@/db/queries/behaviours";
import { findCurrentCycle, findCycle, insertCycle, listCycles } from "@/db/queries/cycles";
import { insertMembership, insertOrganisation } from "@/db/queries/organisations";
import { auditEvents, cycles } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { closeCycle, createCycle, openCycle } from "@/lib/cycles/actions";
import { loadCyclesPage } from "@/lib/cycles/loaders";
import { confirmFramework } from "@/lib/framework/actions";
import { STARTER_BEHAVIOURS } from "@/lib/framework/starter-template";
import { brokenUniqueConstraint } from "@/lib/framework/unique-violation";
import { withTestDatabase } from "../support/database";
import { setFakeSession } from "../support/fake-session";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { snapshotTables } from "../support/snapshot";

const testDb = withTestDatabase();
void loadCyclesPage; // registers the page loader

async function load(slug: string) {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/cycles");
  if (entry?.entry !== "member") throw new Error("cycles page not registered");
  const outcome = await entry.call(slug, {});
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as Awaited<ReturnType<typeof loadCyclesPage>>;
}

/** A brand-new organisation with its admin signed in: no cycle yet, framework not confirmed. */
async function newOrganisation(db: Db) {
  const tag = crypto.randomUUID().slice(0, 8);
  const org = await insertOrganisation(db, { slug: `fresh-${tag}`, name: `Fresh ${tag}`, timeZone: "UTC" });
  const admin = await insertUser(db, { name: "Fran Fresh", email: `fran.${tag}@example.test`, passwordHash: "x" });
  await insertMembership(db, org.id, { userId: admin.id, role: "admin" });
  setFakeSession({ user: { id: admin.id, name: "Fran Fresh", email: admin.email }, sv: 1 });
  return org;
}

async function statusOf(orgId: string, cycleId: string) {
  return (await findCycle(testDb(), orgId, cycleId))?.status;
}

describe("creating cycles", () => {
  it("creates a draft with a unique name (any case), up to 40 characters", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    expect(await createCycle(f.slug, { name: "q2" })).toMatchObject({ fieldErrors: { name: "A cycle with this name already exists." } });
    expect(await createCycle(f.slug, { name: "  " })).toMatchObject({ fieldErrors: { name: "Name the cycle, e.g. “Q1 2027”." } });
    expect(await createCycle(f.slug, { name: "Q".repeat(41) })).toMatchObject({
      fieldErrors: { name: "Keep the name to 40 characters or fewer." },
      values: { name: "Q".repeat(41) },
    });
    expect(await snapshotTables(testDb())).toEqual(before);

    const created = await createCycle(f.slug, { name: " Q1 2027 " });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    expect(await findCycle(testDb(), f.orgId, created.data.cycleId)).toMatchObject({
      name: "Q1 2027",
      status: "draft",
      openedAt: null,
      closedAt: null,
    });
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "cycle.create")));
    expect(event).toMatchObject({ targetId: created.data.cycleId, targetLabel: "Q1 2027", after: { name: "Q1 2027", status: "draft" } });
  });
});

describe("opening and closing cycles", () => {
  it("keeps one cycle open: opening another is refused until the open one is closed", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    expect(await openCycle(f.slug, { cycleId: f.cycles.draft })).toMatchObject({
      code: "conflict",
      message: "Q2 is open. Close it before opening Q3: only one cycle is open at a time.",
    });
    expect(await openCycle(f.slug, { cycleId: f.cycles.closed })).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Q1 is closed"),
    });
    expect(await openCycle(f.slug, { cycleId: f.cycles.open })).toMatchObject({ code: "conflict", message: "Q2 is already open." });
    expect(await closeCycle(f.slug, { cycleId: f.cycles.draft })).toMatchObject({ code: "conflict", message: "Q3 is not open." });
    expect(await snapshotTables(testDb())).toEqual(before);

    expect((await closeCycle(f.slug, { cycleId: f.cycles.open })).status).toBe("ok");
    expect(await findCycle(testDb(), f.orgId, f.cycles.open)).toMatchObject({ status: "closed", closedAt: expect.any(Date) });
    expect(await findCurrentCycle(testDb(), f.orgId)).toBeUndefined();

    expect((await openCycle(f.slug, { cycleId: f.cycles.draft })).status).toBe("ok");
    expect(await findCurrentCycle(testDb(), f.orgId)).toMatchObject({ id: f.cycles.draft, status: "open", openedAt: expect.any(Date) });
    expect(await closeCycle(f.slug, { cycleId: f.cycles.open })).toMatchObject({ code: "conflict", message: "Q2 is not open." });

    const log = await testDb().select().from(auditEvents).where(eq(auditEvents.orgId, f.orgId));
    expect(log.map((e) => [e.action, e.targetLabel]).sort()).toEqual([
      ["cycle.close", "Q2"],
      ["cycle.open", "Q3"],
    ]);
  });

  it("closes the open cycle and opens the next in one step when asked to", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect((await openCycle(f.slug, { cycleId: f.cycles.draft, closeCurrent: true })).status).toBe("ok");
    expect(await statusOf(f.orgId, f.cycles.open)).toBe("closed");
    expect(await statusOf(f.orgId, f.cycles.draft)).toBe("open");
    const log = await testDb().select().from(auditEvents).where(eq(auditEvents.orgId, f.orgId));
    expect(log.map((e) => [e.action, e.targetLabel, e.after]).sort()).toEqual([
      ["cycle.close", "Q2", { status: "closed" }],
      ["cycle.open", "Q3", { status: "open", mailedReps: 2 }], // rep and otherRep; not the deactivated rep
    ]);
  });

  it("opens the first cycle only once the framework is confirmed", async () => {
    const org = await newOrganisation(testDb());
    const created = await createCycle(org.slug, { name: "Q1 2027" });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    expect((await load(org.slug)).needsConfirmation).toBe(true);

    const before = await snapshotTables(testDb());
    expect(await openCycle(org.slug, { cycleId: created.data.cycleId })).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("confirms the behaviour framework"),
    });
    expect(await snapshotTables(testDb())).toEqual(before);

    // An organisation without behaviours cannot confirm an empty framework.
    expect(await confirmFramework(org.slug, {})).toMatchObject({ code: "conflict", message: expect.stringContaining("at least one behaviour") });
  });

  it("does not ask again once a cycle has been opened", async () => {
    const f = await createMatrixOrganisation(testDb()); // never confirmed, but cycles were opened before
    actAs(f, "admin");
    expect((await load(f.slug)).needsConfirmation).toBe(false);
    expect((await closeCycle(f.slug, { cycleId: f.cycles.open })).status).toBe("ok");
    expect((await openCycle(f.slug, { cycleId: f.cycles.draft })).status).toBe("ok");
  });

  it("lets an organisation open its first cycle once its framework is confirmed, and only its own confirmation counts", async () => {
    const db = testDb();
    const confirmed = await createMatrixOrganisation(db);
    actAs(confirmed, "admin");
    expect((await confirmFramework(confirmed.slug, {})).status).toBe("ok");

    const org = await newOrganisation(db);
    await insertBehaviours(db, org.id, STARTER_BEHAVIOURS);
    const created = await createCycle(org.slug, { name: "Q1 2027" });
    if (created.status !== "ok") throw new Error("not created");
    expect(await openCycle(org.slug, { cycleId: created.data.cycleId })).toMatchObject({ code: "conflict" });
    expect((await confirmFramework(org.slug, {})).status).toBe("ok");
    expect((await load(org.slug)).needsConfirmation).toBe(false);
    expect((await openCycle(org.slug, { cycleId: created.data.cycleId })).status).toBe("ok");
    expect(await findCurrentCycle(db, org.id)).toMatchObject({ name: "Q1 2027" });
  });

  it("has the database refuse a second open cycle, and names the index", async () => {
    const f = await createMatrixOrganisation(testDb());
    const error: unknown = await insertCycle(testDb(), f.orgId, { name: "Q9", status: "open", openedAt: new Date() }).catch((e: unknown) => e);
    expect(brokenUniqueConstraint(error)).toBe("cycles_org_one_open_uq");
    const rows = await testDb()
      .select()
      .from(cycles)
      .where(and(eq(cycles.orgId, f.orgId), eq(cycles.status, "open")));
    expect(rows).toHaveLength(1);
  });

  it("refuses another organisation's cycle as not found", async () => {
    const f = await createMatrixOrganisation(testDb());
    const other = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    expect(await closeCycle(f.slug, { cycleId: other.cycles.open })).toMatchObject({ code: "not_found" });
    expect(await openCycle(f.slug, { cycleId: other.cycles.draft, closeCurrent: true })).toMatchObject({ code: "not_found" });
    expect(await snapshotTables(testDb())).toEqual(before);
  });
});

describe("the cycles page", () => {
  it("lists drafts first, then cycles by when they opened, and names the current one", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const page = await load(f.slug);
    expect(page.cycles.map((c) => [c.name, c.status])).toEqual([
      ["Q3", "draft"],
      ["Q2", "open"],
      ["Q1", "closed"],
    ]);
    expect(page.current).toBe("Q2");
    expect((await listCycles(testDb(), f.orgId)).map((c) => c.name)).toEqual(["Q3", "Q2", "Q1"]);
  });
});
