import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, authEvents, memberships, organisations, users } from "@/db/schema";
import { signIn } from "@/lib/accounts/sign-in";
import { getSessionUser } from "@/lib/auth/session";
import { registeredEntries } from "@/lib/chain/registry";
import "@/lib/organisations/loaders"; // registers the organisation shell used below
import { rowsOf, withTestDatabase } from "../support/database";
import { setFakeSession } from "../support/fake-session";
import { snapshotWithoutCounters } from "../support/snapshot";

// Lets one test make the membership insert fail, to prove sign-up is one transaction.
const failing = vi.hoisted(() => ({ membership: false }));
vi.mock("@/db/queries/organisations", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/organisations")>();
  return {
    ...actual,
    insertMembership: async (...args: Parameters<typeof actual.insertMembership>) => {
      if (failing.membership) throw new Error("disk full (simulated)");
      return actual.insertMembership(...args);
    },
  };
});

const { signUp, changePassword } = await import("@/lib/accounts/actions");
const testDb = withTestDatabase();

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

function newcomer(email = `dana.${crypto.randomUUID().slice(0, 8)}@Example.test`) {
  return { name: "Dana Reyes", email, password: "correct horse battery", organisationName: "Brightwater Supply Co.", timeZone: "America/Chicago" };
}

async function countRows() {
  const [row] = rowsOf<{ users: number; orgs: number; members: number }>(
    await testDb().execute(sql`select (select count(*)::int from users) as users,
      (select count(*)::int from organisations) as orgs, (select count(*)::int from memberships) as members`),
  );
  return row!;
}

beforeEach(() => {
  failing.membership = false;
  setFakeSession(null);
});

describe("sign-up", () => {
  it("creates the person, the organisation and an admin membership, and records both", async () => {
    const input = newcomer();
    const state = await signUp({ status: "idle" }, form(input));
    expect(state.status).toBe("ok");
    const slug = state.status === "ok" ? state.data.slug : "";
    expect(slug).toMatch(/^brightwater-supply-co/);

    const db = testDb();
    const [user] = await db.select().from(users).where(eq(users.email, input.email.toLowerCase()));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    expect(org).toMatchObject({ name: "Brightwater Supply Co.", timeZone: "America/Chicago" });
    const [membership] = await db.select().from(memberships).where(eq(memberships.orgId, org!.id));
    expect(membership).toMatchObject({ userId: user!.id, role: "admin", status: "active" });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, org!.id));
    expect(audit).toEqual([expect.objectContaining({ action: "account.signUp", actorUserId: user!.id, targetType: "organisation" })]);
    const events = await db.select().from(authEvents).where(eq(authEvents.userId, user!.id));
    expect(events.map((e) => e.kind)).toEqual(["sign_up"]);
  });

  it("gives a second organisation of the same name its own slug", async () => {
    const first = await signUp({ status: "idle" }, form({ ...newcomer(), organisationName: "Same Name Ltd" }));
    const second = await signUp({ status: "idle" }, form({ ...newcomer(), organisationName: "Same Name Ltd" }));
    expect(first.status === "ok" && second.status === "ok").toBe(true);
    if (first.status === "ok" && second.status === "ok") {
      expect(first.data.slug).toBe("same-name-ltd");
      expect(second.data.slug).toMatch(/^same-name-ltd-[a-z0-9]+$/);
    }
  });

  it("leaves nothing behind when a step fails midway", async () => {
    const before = await countRows();
    failing.membership = true;
    await expect(signUp({ status: "idle" }, form(newcomer()))).rejects.toThrow("disk full");
    expect(await countRows()).toEqual(before);
  });

  it("refuses an email that is taken, whatever its case, and keeps what was typed", async () => {
    const input = newcomer();
    await signUp({ status: "idle" }, form(input));
    const before = await snapshotWithoutCounters(testDb()); // the attempt counts towards the sign-up limit
    const again = await signUp({ status: "idle" }, form({ ...input, email: input.email.toUpperCase() }));
    expect(again).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: { email: expect.stringContaining("already exists") },
      values: { name: "Dana Reyes", organisationName: "Brightwater Supply Co." },
    });
    expect(again.status === "error" && again.values).not.toHaveProperty("password");
    expect(await snapshotWithoutCounters(testDb())).toEqual(before);
  });

  it("explains each invalid field", async () => {
    const state = await signUp(
      { status: "idle" },
      form({ name: "", email: "not-an-email", password: "short", organisationName: "A", timeZone: "Mars/Olympus" }),
    );
    expect(state.status === "error" && state.fieldErrors).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email address, like name@company.com.",
      password: "Use at least 8 characters.",
      organisationName: "Use at least 2 characters.",
      timeZone: "Choose a time zone from the list.",
    });
    const tooLong = await signUp({ status: "idle" }, form({ ...newcomer(), password: "x".repeat(129) }));
    expect(tooLong.status === "error" && tooLong.fieldErrors?.password).toBe("Use at most 128 characters.");
  });
});

describe("sign-in", () => {
  it("accepts the right password in any email case and answers a wrong email like a wrong password", async () => {
    const input = newcomer();
    await signUp({ status: "idle" }, form(input));
    expect(await signIn({ email: input.email.toUpperCase(), password: input.password })).toMatchObject({ name: "Dana Reyes", sessionVersion: 1 });
    expect(await signIn({ email: input.email, password: "wrong password" })).toBeNull();
    expect(await signIn({ email: `nobody.${crypto.randomUUID()}@example.test`, password: input.password })).toBeNull();

    const events = await testDb()
      .select({ kind: authEvents.kind })
      .from(authEvents)
      .where(sql`lower(${authEvents.email}) = ${input.email.toLowerCase()}`)
      .orderBy(authEvents.createdAt);
    expect(events.map((e) => e.kind)).toEqual(["sign_up", "sign_in", "sign_in_failed"]);
  });

  it("is registered as a public route entry", () => {
    expect(registeredEntries().find((e) => e.name === "auth.signIn")).toMatchObject({ entry: "public", kind: "route" });
  });
});

describe("sessions", () => {
  it("end everywhere when the password changes", async () => {
    const input = newcomer();
    await signUp({ status: "idle" }, form(input));
    const user = (await signIn({ email: input.email, password: input.password }))!;
    const session = { user: { id: user.id, name: user.name, email: user.email }, sv: user.sessionVersion };
    setFakeSession(session);
    expect(await getSessionUser()).toMatchObject({ id: user.id });

    const wrong = await changePassword(
      { status: "idle" },
      form({ currentPassword: "nope", newPassword: "a new password", confirmPassword: "a new password" }),
    );
    expect(wrong.status === "error" && wrong.fieldErrors).toEqual({ currentPassword: "That is not your current password." });
    const mismatch = await changePassword(
      { status: "idle" },
      form({ currentPassword: input.password, newPassword: "a new password", confirmPassword: "another" }),
    );
    expect(mismatch.status === "error" && mismatch.fieldErrors).toEqual({ confirmPassword: "The two new passwords do not match." });
    expect(await getSessionUser()).not.toBeNull();

    const changed = await changePassword(
      { status: "idle" },
      form({ currentPassword: input.password, newPassword: "a new password", confirmPassword: "a new password" }),
    );
    expect(changed.status).toBe("ok");
    expect(await getSessionUser()).toBeNull(); // the old token's version is stale
    setFakeSession({ ...session, sv: session.sv + 1 });
    expect(await getSessionUser()).toMatchObject({ id: user.id });
    expect(await signIn({ email: input.email, password: input.password })).toBeNull();
    expect(await signIn({ email: input.email, password: "a new password" })).not.toBeNull();
  });

  it("refuse a deactivated membership at once, and only in that organisation", async () => {
    const input = newcomer();
    const created = await signUp({ status: "idle" }, form(input));
    const other = await signUp({ status: "idle" }, form(newcomer()));
    if (created.status !== "ok" || other.status !== "ok") throw new Error("sign-up failed");
    const db = testDb();
    const user = (await signIn({ email: input.email, password: input.password }))!;
    const [otherOrg] = await db.select().from(organisations).where(eq(organisations.slug, other.data.slug));
    await db.insert(memberships).values({ orgId: otherOrg!.id, userId: user.id, role: "leader" });
    setFakeSession({ user: { id: user.id, name: user.name, email: user.email }, sv: 1 });

    const shell = registeredEntries().find((e) => e.name === "layout /o/[slug]")!;
    if (shell.entry !== "member") throw new Error("the shell is a member entry");
    expect((await shell.call(other.data.slug, {})).status).toBe("ok");

    await db
      .update(memberships)
      .set({ status: "deactivated" })
      .where(and(eq(memberships.orgId, otherOrg!.id), eq(memberships.userId, user.id)));
    expect(await shell.call(other.data.slug, {})).toMatchObject({ status: "error", code: "not_found" });
    expect((await shell.call(created.data.slug, {})).status).toBe("ok");
  });
});
