import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, organisations } from "@/db/schema";
import { updateOrganisationSettings } from "@/lib/organisations/actions";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();

describe("organisation settings", () => {
  it("saves name and time zone and audits the change with before and after", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    const state = await updateOrganisationSettings(fixture.slug, { name: "Harbour Light Trading", timeZone: "Asia/Tokyo" });
    expect(state.status).toBe("ok");
    const [org] = await testDb().select().from(organisations).where(eq(organisations.id, fixture.orgId));
    expect(org).toMatchObject({ name: "Harbour Light Trading", timeZone: "Asia/Tokyo" });
    const [audit] = await testDb().select().from(auditEvents).where(eq(auditEvents.orgId, fixture.orgId));
    expect(audit).toMatchObject({
      action: "organisation.updateSettings",
      actorUserId: fixture.users.admin,
      targetId: fixture.orgId,
      before: { name: expect.stringMatching(/^Matrix /), timeZone: "Europe/London" },
      after: { name: "Harbour Light Trading", timeZone: "Asia/Tokyo", blindMode: true },
    });
  });

  it("turns blind mode off from the form's checkbox fields, and leaves it alone when they are absent", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    const form = new FormData();
    form.set("name", "Blind Test");
    form.set("timeZone", "UTC");
    form.append("blindMode", "off"); // the hidden field; the unticked checkbox sends nothing
    expect(await updateOrganisationSettings(fixture.slug, { status: "idle" }, form)).toMatchObject({ status: "ok", data: { blindMode: false } });
    form.append("blindMode", "on"); // ticked
    expect(await updateOrganisationSettings(fixture.slug, { status: "idle" }, form)).toMatchObject({ status: "ok", data: { blindMode: true } });
  });

  it("refuses an unknown time zone next to the field and keeps the typed name", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    const state = await updateOrganisationSettings(fixture.slug, { name: "Typed Name", timeZone: "Atlantis/Capital" });
    expect(state).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: { timeZone: "Choose a time zone from the list." },
      values: { name: "Typed Name" },
    });
  });
});
