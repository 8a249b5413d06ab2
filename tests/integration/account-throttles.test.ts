import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { changePassword, signUp } from "@/lib/accounts/actions";
import { ACCOUNT_CREATION_THROTTLE, checkCurrentPassword, countAccountCreation } from "@/lib/accounts/throttles";
import { SIGN_IN_THROTTLE } from "@/lib/accounts/sign-in";
import { Refusal } from "@/lib/chain/outcome";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, MATRIX_PASSWORD } from "../support/fixtures";

const testDb = withTestDatabase();

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const newcomer = (email = `new.${crypto.randomUUID().slice(0, 8)}@example.test`) => ({
  name: "Nia Newcomer",
  email,
  password: "correct horse battery",
  organisationName: "Flood Co",
  timeZone: "Europe/London",
});
const noWait = async () => {};

describe("the current-password check has the sign-in limits", () => {
  it("after the limit, even the right current password is refused for a while, with a clear message", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "rep");
    const change = (currentPassword: string) =>
      changePassword({ status: "idle" }, form({ currentPassword, newPassword: "a new password!", confirmPassword: "a new password!" }));
    // The first wrong guesses through the page's action, the rest straight at the check (skipping the slow-down's waits).
    for (let i = 0; i < SIGN_IN_THROTTLE.freeAttempts; i++) {
      expect(await change("guess")).toMatchObject({ status: "error", fieldErrors: { currentPassword: "That is not your current password." } });
    }
    for (let i = SIGN_IN_THROTTLE.freeAttempts; i < SIGN_IN_THROTTLE.account.limit - 1; i++) {
      await expect(checkCurrentPassword(testDb(), f.users.rep, "guess", new Date(), noWait)).rejects.toBeInstanceOf(Refusal);
    }
    const locked = await change(MATRIX_PASSWORD);
    expect(locked).toMatchObject({
      status: "error",
      fieldErrors: { currentPassword: expect.stringMatching(/^Too many wrong passwords\. For your safety, try again in 15 minutes\.$/) },
    });
    const [row] = await testDb().select({ version: users.sessionVersion }).from(users).where(eq(users.id, f.users.rep));
    expect(row!.version).toBe(1); // not changed
  });

  it("a right password clears the count", async () => {
    const f = await createMatrixOrganisation(testDb());
    for (let i = 0; i < SIGN_IN_THROTTLE.account.limit - 2; i++) {
      await expect(checkCurrentPassword(testDb(), f.users.rep, "guess", new Date(), noWait)).rejects.toBeInstanceOf(Refusal);
    }
    await checkCurrentPassword(testDb(), f.users.rep, MATRIX_PASSWORD, new Date(), noWait);
    for (let i = 0; i < SIGN_IN_THROTTLE.account.limit - 2; i++) {
      await expect(checkCurrentPassword(testDb(), f.users.rep, "guess", new Date(), noWait)).rejects.toMatchObject({
        fieldErrors: { currentPassword: "That is not your current password." },
      });
    }
  });
});

describe("account creation is limited", () => {
  it("globally per minute: past the limit a sign-up is refused with a clear message, before telling whether the email exists", async () => {
    await createMatrixOrganisation(testDb());
    const first = newcomer();
    expect((await signUp({ status: "idle" }, form(first))).status).toBe("ok");
    for (let i = 1; i < ACCOUNT_CREATION_THROTTLE.global.limit; i++) {
      expect((await signUp({ status: "idle" }, form(newcomer()))).status).toBe("ok");
    }
    const refused = await signUp({ status: "idle" }, form(newcomer()));
    expect(refused).toMatchObject({
      status: "error",
      code: "conflict",
      message: "Many accounts are being created right now. Nothing was created: try again in 1 minute.",
    });
    // An existing email gets the same refusal, not "already exists".
    const again = await signUp({ status: "idle" }, form(newcomer(first.email)));
    expect(again).toMatchObject({ status: "error", message: expect.stringMatching(/^Many accounts are being created right now/) });
    expect(again.status === "error" && again.fieldErrors).toBeFalsy();
  });

  it("per client address behind a trusted proxy", async () => {
    const now = new Date(Date.now() + 86_400_000); // after the global window the test above filled
    for (let i = 0; i < ACCOUNT_CREATION_THROTTLE.address.limit; i++) await countAccountCreation(testDb(), now, "203.0.113.7");
    await expect(countAccountCreation(testDb(), now, "203.0.113.7")).rejects.toMatchObject({
      message: "Too many accounts were created from your network. Nothing was created: try again in 60 minutes.",
    });
    await expect(countAccountCreation(testDb(), now, "198.51.100.1")).resolves.toBeUndefined();
  });
});
