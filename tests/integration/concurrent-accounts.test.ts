import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, organisations, throttles, users } from "@/db/schema";
import { signUp } from "@/lib/accounts/actions";
import { changeRole, deactivateMember } from "@/lib/members/actions";
import { onServer, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();
const ROUNDS = 10;

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

async function activeAdmins(orgId: string) {
  return testDb()
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
}

/** Sign-ups are limited per minute for the whole app (lib/accounts/throttles.ts): these rounds are not a flood. */
const forgetSignUpCount = () =>
  testDb()
    .delete(throttles)
    .where(sql`${throttles.key} like 'account-creation:%'`);

/**
 * Races on the server database (`npm test` runs this file on PostgreSQL too, where the calls really overlap on
 * several pool connections; on the embedded database they take turns, so it passes there by construction).
 */
describe(`concurrent account changes (${onServer ? "PostgreSQL" : "embedded"})`, () => {
  it("removing two admins at once leaves one active admin, and the other call is told why", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const f = await createMatrixOrganisation(testDb());
      // Two admins: the matrix admin and the co-leader made admin. The admin removes both at the same moment,
      // as two admins removing each other would: each call counts two admins before either writes.
      await testDb()
        .update(memberships)
        .set({ role: "admin" })
        .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.coLeader)));
      actAs(f, "admin");
      const removals =
        round % 2 === 0
          ? [changeRole(f.slug, { userId: f.users.admin, role: "leader" }), changeRole(f.slug, { userId: f.users.coLeader, role: "leader" })]
          : [changeRole(f.slug, { userId: f.users.admin, role: "leader" }), deactivateMember(f.slug, { userId: f.users.coLeader })];
      const outcomes = await Promise.all(removals);
      expect(await activeAdmins(f.orgId), `round ${round}`).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === "ok")).toHaveLength(1);
      // Told it would remove the last admin, or, when it started after the other call had ended, no longer an admin.
      const refused = outcomes.find((o) => o.status === "error");
      if (refused?.status === "error" && refused.code === "conflict") expect(refused.message).toMatch(/the last active admin/);
      else expect(refused).toMatchObject({ code: "forbidden" });
    }
  });

  it("two sign-ups with the same email at once: one account, and one clear answer", async () => {
    await createMatrixOrganisation(testDb()); // the throttles' and accounts' tables in use, as in production
    for (let round = 0; round < ROUNDS; round++) {
      const email = `twin.${crypto.randomUUID().slice(0, 8)}@example.test`;
      const input = (org: string) =>
        form({ name: "Tess Twin", email, password: "correct horse battery", organisationName: org, timeZone: "Europe/London" });
      await forgetSignUpCount();
      const outcomes = await Promise.all([signUp({ status: "idle" }, input("Twin One")), signUp({ status: "idle" }, input("Twin Two"))]);
      expect(outcomes.filter((o) => o.status === "ok")).toHaveLength(1);
      expect(outcomes.find((o) => o.status === "error")).toMatchObject({
        fieldErrors: { email: "An account with this email already exists. Sign in instead." },
      });
      const rows = await testDb()
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`);
      expect(rows).toHaveLength(1);
    }
  });

  it("two sign-ups with the same organisation name at once: both organisations, each with its own address", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `Same Name ${crypto.randomUUID().slice(0, 6)}`;
      const input = () =>
        form({
          name: "Sam Same",
          email: `same.${crypto.randomUUID().slice(0, 8)}@example.test`,
          password: "correct horse battery",
          organisationName: name,
          timeZone: "UTC",
        });
      await forgetSignUpCount();
      const outcomes = await Promise.all([signUp({ status: "idle" }, input()), signUp({ status: "idle" }, input())]);
      expect(outcomes.map((o) => o.status)).toEqual(["ok", "ok"]);
      const slugs = outcomes.map((o) => (o.status === "ok" ? o.data.slug : ""));
      expect(new Set(slugs).size).toBe(2);
      expect(await testDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name))).toHaveLength(2);
    }
  });
});
