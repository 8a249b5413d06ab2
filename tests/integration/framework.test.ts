import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertBehaviours, listBehaviours } from "@/db/queries/behaviours";
import { countQueries } from "@/db/query-counter";
import { auditEvents, behaviours, organisations } from "@/db/schema";
import { signUp } from "@/lib/accounts/actions";
import { registeredEntries } from "@/lib/chain/registry";
import { addBehaviour, archiveBehaviour, confirmFramework, editBehaviour, reorderBehaviours, restoreBehaviour } from "@/lib/framework/actions";
import { loadFrameworkPage } from "@/lib/framework/loaders";
import { STARTER_BEHAVIOURS } from "@/lib/framework/starter-template";
import { brokenUniqueConstraint } from "@/lib/framework/unique-violation";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { snapshotTables } from "../support/snapshot";

const testDb = withTestDatabase();
void loadFrameworkPage; // registers the page loader

const valid = {
  name: "Follow-up",
  description: "Keeps every promise made in a meeting.",
  level1: "Forgets what was agreed until the customer chases.",
  level3: "Sends a summary within a day and does most of what was agreed.",
  level5: "Sends a summary the same day and delivers every action on time.",
};

function page() {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/framework");
  if (entry?.entry !== "member") throw new Error("framework page not registered");
  return entry;
}

async function load(slug: string) {
  const outcome = await page().call(slug, {});
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as Awaited<ReturnType<typeof loadFrameworkPage>>;
}

async function activeNames(orgId: string) {
  return (await listBehaviours(testDb(), orgId)).map((b) => b.name);
}

async function auditOf(orgId: string, action: string) {
  return testDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action)));
}

describe("adding and editing behaviours", () => {
  it("refuses missing and over-long fields with a message per field, keeping what was typed", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    const missing = await addBehaviour(f.slug, { name: "  ", description: "", level1: "x", level3: "", level5: "y" });
    expect(missing).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: {
        name: "Enter the behaviour's name.",
        description: "Describe the behaviour in a sentence.",
        level3: "Describe what someone rated 3 does.",
      },
      values: { level1: "x", level5: "y" },
    });
    const tooLong = await addBehaviour(f.slug, { ...valid, name: "N".repeat(61), level5: "x".repeat(301) });
    expect(tooLong).toMatchObject({
      fieldErrors: { name: "Keep the name to 60 characters or fewer.", level5: "Keep this to 300 characters or fewer." },
      values: { description: valid.description },
    });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("keeps names unique in the organisation, whatever the case, archived behaviours included", async () => {
    const f = await createMatrixOrganisation(testDb());
    const other = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const taken = { fieldErrors: { name: expect.stringContaining("already exists") } };
    expect(await addBehaviour(f.slug, { ...valid, name: "PROSPECTING" })).toMatchObject(taken);
    expect(await addBehaviour(f.slug, { ...valid, name: " entertaining " })).toMatchObject(taken); // the archived one
    expect(await editBehaviour(f.slug, { ...valid, behaviourId: f.behaviourIds[0], name: "presenting" })).toMatchObject(taken);

    const added = await addBehaviour(f.slug, { ...valid, name: "  Follow-up  " });
    expect(added.status).toBe("ok");
    expect(await activeNames(f.orgId)).toEqual(["Prospecting", "Presenting", "Talking about money", "Follow-up"]);
    // Another organisation may use the same name.
    actAs(other, "admin");
    expect((await addBehaviour(other.slug, valid)).status).toBe("ok");

    const [event] = await auditOf(f.orgId, "framework.addBehaviour");
    expect(event).toMatchObject({ targetType: "behaviour", targetLabel: "Follow-up", after: valid });
  });

  it("recognise the unique index's error on this driver, for the race the checks cannot see", async () => {
    const f = await createMatrixOrganisation(testDb());
    const error: unknown = await insertBehaviours(testDb(), f.orgId, [{ ...valid, name: "PRESENTING" }]).catch((e: unknown) => e);
    expect(brokenUniqueConstraint(error)).toBe("behaviours_org_name_uq");
    expect(brokenUniqueConstraint(new Error("something else"))).toBeUndefined();
  });

  it("edits a behaviour, recording only what changed; refuses another organisation's behaviour", async () => {
    const f = await createMatrixOrganisation(testDb());
    const other = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const [prospecting] = await listBehaviours(testDb(), f.orgId);
    const edited = { ...prospecting!, behaviourId: prospecting!.id, name: "prospecting", level3: "Books two first meetings a week." };
    const { name, description, level1, level3, level5, behaviourId } = edited;
    expect((await editBehaviour(f.slug, { behaviourId, name, description, level1, level3, level5 })).status).toBe("ok");
    const [row] = await listBehaviours(testDb(), f.orgId);
    expect(row).toMatchObject({ id: prospecting!.id, name: "prospecting", level3: "Books two first meetings a week.", position: 1 });
    const [event] = await auditOf(f.orgId, "framework.editBehaviour");
    expect(event).toMatchObject({
      targetLabel: "prospecting",
      before: { name: "Prospecting", level3: prospecting!.level3 },
      after: { name: "prospecting", level3: "Books two first meetings a week." },
    });

    const before = await snapshotTables(testDb());
    expect(await editBehaviour(f.slug, { ...valid, behaviourId: other.behaviourIds[0] })).toMatchObject({ code: "not_found" });
    expect(await archiveBehaviour(f.slug, { behaviourId: other.behaviourIds[0] })).toMatchObject({ code: "not_found" });
    expect(await snapshotTables(testDb())).toEqual(before);
  });
});

describe("reordering", () => {
  it("writes every position from the full ordered list", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const [a, b, c] = f.behaviourIds;
    expect((await reorderBehaviours(f.slug, { behaviourIds: [c, a, b] })).status).toBe("ok");
    const rows = await testDb()
      .select({ id: behaviours.id, position: behaviours.position })
      .from(behaviours)
      .where(and(eq(behaviours.orgId, f.orgId)))
      .orderBy(asc(behaviours.position));
    expect(rows.filter((r) => r.id !== f.archivedBehaviourId)).toEqual([
      { id: c, position: 1 },
      { id: a, position: 2 },
      { id: b, position: 3 },
    ]);
    expect(await activeNames(f.orgId)).toEqual(["Talking about money", "Prospecting", "Presenting"]);
    const [event] = await auditOf(f.orgId, "framework.reorder");
    expect(event).toMatchObject({
      before: { order: ["Prospecting", "Presenting", "Talking about money"] },
      after: { order: ["Talking about money", "Prospecting", "Presenting"] },
    });
  });

  it("refuses a list that is not exactly the active behaviours, changing nothing", async () => {
    const f = await createMatrixOrganisation(testDb());
    const other = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const [a, b, c] = f.behaviourIds;
    const before = await snapshotTables(testDb());
    for (const wrong of [
      [a, b], // one missing
      [a, b, c, f.archivedBehaviourId], // an archived one
      [a, b, other.behaviourIds[0]], // another organisation's
      [a, b, c, crypto.randomUUID()], // one that does not exist
    ]) {
      expect(await reorderBehaviours(f.slug, { behaviourIds: wrong }), JSON.stringify(wrong)).toMatchObject({
        code: "conflict",
        message: expect.stringContaining("Reload"),
      });
    }
    expect(await reorderBehaviours(f.slug, { behaviourIds: [a, a, b] })).toMatchObject({ code: "invalid" });
    expect(await reorderBehaviours(f.slug, { behaviourIds: [] })).toMatchObject({ code: "invalid" });
    expect(await reorderBehaviours(f.slug, { behaviourIds: "nonsense" })).toMatchObject({ code: "invalid" });
    expect(await snapshotTables(testDb())).toEqual(before);
  });
});

describe("archiving and restoring", () => {
  it("archives a behaviour out of the active list and restores it at the end", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const [a] = f.behaviourIds;
    expect((await archiveBehaviour(f.slug, { behaviourId: a })).status).toBe("ok");
    expect(await archiveBehaviour(f.slug, { behaviourId: a })).toMatchObject({ code: "conflict", message: "Prospecting is already archived." });
    expect(await activeNames(f.orgId)).toEqual(["Presenting", "Talking about money"]);

    expect((await restoreBehaviour(f.slug, { behaviourId: a })).status).toBe("ok");
    expect((await restoreBehaviour(f.slug, { behaviourId: f.archivedBehaviourId })).status).toBe("ok");
    expect(await restoreBehaviour(f.slug, { behaviourId: a })).toMatchObject({ code: "conflict", message: "Prospecting is not archived." });
    expect(await activeNames(f.orgId)).toEqual(["Presenting", "Talking about money", "Prospecting", "Entertaining"]);

    const log = await testDb().select().from(auditEvents).where(eq(auditEvents.orgId, f.orgId)).orderBy(asc(auditEvents.createdAt));
    expect(log.map((e) => [e.action, e.targetLabel])).toEqual([
      ["framework.archiveBehaviour", "Prospecting"],
      ["framework.restoreBehaviour", "Prospecting"],
      ["framework.restoreBehaviour", "Entertaining"],
    ]);
  });
});

describe("confirming the framework", () => {
  it("records when an admin confirmed it, once", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect((await load(f.slug)).manage).toMatchObject({ confirmedAt: null });
    expect((await confirmFramework(f.slug, {})).status).toBe("ok");
    const [org] = await testDb().select().from(organisations).where(eq(organisations.id, f.orgId));
    expect(org!.frameworkConfirmedAt).toBeInstanceOf(Date);
    expect(await confirmFramework(f.slug, {})).toMatchObject({ code: "conflict" });
    const [event] = await auditOf(f.orgId, "framework.confirm");
    expect(event).toMatchObject({
      targetType: "framework",
      before: { confirmedAt: null },
      after: { behaviours: ["Prospecting", "Presenting", "Talking about money"] },
    });
    expect((await load(f.slug)).manage?.confirmedAt).toEqual(org!.frameworkConfirmedAt);
  });
});

describe("the framework page", () => {
  it("shows everyone the active behaviours in order; only admins get the archived ones and the admin notices", async () => {
    const f = await createMatrixOrganisation(testDb());
    for (const persona of ["leader", "rep"] as const) {
      actAs(f, persona);
      const seen = await load(f.slug);
      expect(seen.active.map((b) => b.name)).toEqual(["Prospecting", "Presenting", "Talking about money"]);
      expect(seen.active[0]).toMatchObject({ level1: "Prospecting: rarely", level3: "Prospecting: usually" });
      expect(seen).toMatchObject({ canManage: false, archived: [], manage: null });
    }
    actAs(f, "admin");
    const admin = await load(f.slug);
    expect(admin.archived.map((b) => b.name)).toEqual(["Entertaining"]);
    expect(admin.manage).toEqual({
      confirmedAt: null,
      advice:
        "You have 3 active behaviours; 5 to 12 give leaders enough to coach on. Consider adding the ones that predict success in your business.",
    });
  });

  it("loads in the same number of queries for 3 and for 25 behaviours", async () => {
    const db = testDb();
    const small = await createMatrixOrganisation(db);
    const large = await createMatrixOrganisation(db);
    await insertBehaviours(
      db,
      large.orgId,
      Array.from({ length: 22 }, (_, i) => ({ ...valid, name: `Extra ${i}` })),
    );
    actAs(small, "admin");
    const few = await countQueries(() => page().call(small.slug, {}));
    actAs(large, "admin");
    const many = await countQueries(() => page().call(large.slug, {}));
    // session, organisation (db/tenant.ts), membership, behaviours, confirmation, the main measure's relations
    expect(few.queries).toBe(6);
    expect(many.queries).toBe(few.queries);
    actAs(large, "rep");
    expect((await countQueries(() => page().call(large.slug, {}))).queries).toBe(4); // no confirmation nor relations for a rep
  });
});

describe("a new organisation", () => {
  it("starts from the ten starter behaviours, in order, not yet confirmed", async () => {
    const form = new FormData();
    const email = `new.${crypto.randomUUID().slice(0, 8)}@example.test`;
    for (const [key, value] of Object.entries({
      name: "Nia New",
      email,
      password: "a long enough password",
      organisationName: "Harbour Light",
      timeZone: "Europe/London",
    })) {
      form.set(key, value);
    }
    const state = await signUp({ status: "idle" }, form);
    if (state.status !== "ok") throw new Error(JSON.stringify(state));
    const [org] = await testDb().select().from(organisations).where(eq(organisations.slug, state.data.slug));
    expect(org!.frameworkConfirmedAt).toBeNull();
    const rows = await listBehaviours(testDb(), org!.id);
    expect(rows.map((b) => b.name)).toEqual(STARTER_BEHAVIOURS.map((b) => b.name));
    expect(rows.map((b) => b.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
