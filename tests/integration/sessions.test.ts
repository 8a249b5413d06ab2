import { describe, expect, it } from "vitest";
import { signOutEverywhere } from "@/lib/accounts/actions";
import { signOutSession } from "@/lib/accounts/sign-out";
import { getSessionUser } from "@/lib/auth/session";
import { withTestDatabase } from "../support/database";
import { setFakeSession } from "../support/fake-session";
import { createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();

/** Each call decodes its session afresh (getSessionUser is cached per request only inside a request). */
async function sessionFor(session: { user: { id: string; name: string; email: string }; sv: number; sid: string }) {
  setFakeSession(session);
  return getSessionUser();
}

describe("sessions end on the server", () => {
  it("signing out ends that session only: its token gets no session, another of the same person still does", async () => {
    const f = await createMatrixOrganisation(testDb());
    const user = { id: f.users.rep, name: "Remy Rep", email: "remy@example.test" };
    const laptop = { user, sv: 1, sid: crypto.randomUUID() };
    const phone = { user, sv: 1, sid: crypto.randomUUID() };
    expect(await sessionFor(laptop)).toMatchObject({ id: user.id, sessionId: laptop.sid });

    expect((await signOutSession({ userId: user.id, sessionId: laptop.sid })).status).toBe("ok");
    expect(await sessionFor(laptop)).toBeNull();
    expect(await sessionFor(phone)).toMatchObject({ id: user.id });
    // Signing out twice (two tabs) is harmless; an id of nobody lists nothing.
    expect((await signOutSession({ userId: user.id, sessionId: laptop.sid })).status).toBe("ok");
    expect((await signOutSession({ userId: crypto.randomUUID(), sessionId: crypto.randomUUID() })).status).toBe("ok");
  });

  it("another person's sign-out cannot end my session with my session id", async () => {
    const f = await createMatrixOrganisation(testDb());
    const mine = { user: { id: f.users.leader, name: "Lee", email: "lee@example.test" }, sv: 1, sid: crypto.randomUUID() };
    await signOutSession({ userId: f.users.rep, sessionId: mine.sid });
    expect(await sessionFor(mine)).toMatchObject({ id: f.users.leader });
  });

  it("'sign out everywhere' ends every session of the person, and no one else's", async () => {
    const f = await createMatrixOrganisation(testDb());
    const user = { id: f.users.admin, name: "Ada", email: "ada@example.test" };
    const here = { user, sv: 1, sid: crypto.randomUUID() };
    const elsewhere = { user, sv: 1, sid: crypto.randomUUID() };
    const colleague = { user: { id: f.users.leader, name: "Lee", email: "lee@example.test" }, sv: 1, sid: crypto.randomUUID() };

    setFakeSession(here);
    expect(await signOutEverywhere({})).toEqual({ status: "ok", data: undefined });
    expect(await sessionFor(here)).toBeNull();
    expect(await sessionFor(elsewhere)).toBeNull();
    expect(await sessionFor(colleague)).toMatchObject({ id: f.users.leader });
    // A new sign-in carries the new version and works.
    expect(await sessionFor({ user, sv: 2, sid: crypto.randomUUID() })).toMatchObject({ id: user.id });
  });

  it("a token without a session id (issued before sessions had ids) gets no session", async () => {
    const f = await createMatrixOrganisation(testDb());
    setFakeSession({ user: { id: f.users.rep, name: "Remy", email: "remy@example.test" }, sv: 1, sid: "" });
    expect(await getSessionUser()).toBeNull();
  });
});
