import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readOnlyTransaction } from "@/db/queries/audit";
import { insertTeams } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { inScope } from "@/db/tenant";
import { auditEvents, inviteLedTeams, invites, mailOutbox, memberships, teamLeaders, teams, users } from "@/db/schema";
import { memberAction } from "@/lib/chain/member";
import { registeredEntries } from "@/lib/chain/registry";
import { acceptInviteAsNewPerson } from "@/lib/invites/join";
import { confirmImport, previewImport } from "@/lib/people-import/actions";
import type { ImportResult } from "@/lib/people-import/apply";
import { loadPeopleExport } from "@/lib/people-import/loaders";
import type { ImportPreview } from "@/lib/people-import/preview";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { snapshotTables } from "../support/snapshot";

const testDb = withTestDatabase();
type Fixture = Awaited<ReturnType<typeof createMatrixOrganisation>>;

function ok<T>(state: { status: string }): T {
  if (state.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(state).slice(0, 500)}`);
  return (state as unknown as { data: T }).data;
}
const preview = async (f: Fixture, content: string) => ok<ImportPreview>(await previewImport(f.slug, { content }));
const confirm = async (f: Fixture, content: string, more: Record<string, unknown> = {}) =>
  confirmImport(f.slug, { content, expiresInHours: "168", ...more });

async function emailOf(userId: string) {
  const [row] = await testDb().select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}
async function teamNames(orgId: string) {
  return (await testDb().select({ name: teams.name }).from(teams).where(eq(teams.orgId, orgId))).map((t) => t.name).sort();
}
async function auditActions(orgId: string) {
  return (await testDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.orgId, orgId))).map((e) => e.action).sort();
}

/** A read-only action that writes anyway, as a preview that went wrong would: the chain's read-only transaction must refuse it. */
const writingProbe = memberAction(
  {
    name: "test.readOnlyProbe",
    permission: "people.import",
    input: z.object({}),
    readOnly: true,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org }) => {
    await insertTeams(db, org.id, ["Written in a preview"]);
  },
);

/** As Excel saves "CSV UTF-8" in a locale with decimal commas: a byte-order mark, ";" separators, CRLF, quotes. */
const SPREADSHEET = [
  "\uFEFFName;Email;Role;Team",
  '"Søren Kierkegaard, Jr.";soren@example.test;Rep;Team A',
  "李雷;li.lei@example.test;rep;Nordic",
  '"Ana ""Nan"" Díaz";ana@example.test;leader;"Nordic | Team B"',
  "Bad Address;not-an-email;rep;Team A",
  "Dup One;dup@example.test;rep;Team A",
  "Dup Two;DUP@example.test;rep;Team B",
  "No Role;norole@example.test;manager;Team A",
  "Two Teams;two@example.test;rep;Team A | Team B",
  "Archived;arch@example.test;rep;Old Team",
  '=HYPERLINK("http://evil.example","x");formula@example.test;rep;=HYPERLINK("http://evil.example")',
  "",
].join("\r\n");

describe("people import: preview", () => {
  it("reads a spreadsheet's CSV and gives every row its status without writing anything", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    const p = await preview(f, SPREADSHEET);
    expect(await snapshotTables(testDb())).toEqual(before);

    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "invite"],
      [3, "invite"],
      [4, "invite"],
      [5, "error"],
      [6, "error"],
      [7, "error"],
      [8, "error"],
      [9, "error"],
      [10, "error"],
      [11, "error"],
    ]);
    expect(byRow.get(2)!.cells.name).toBe("Søren Kierkegaard, Jr.");
    expect(byRow.get(3)!).toMatchObject({ cells: { name: "李雷" }, teams: ["Nordic"], newTeams: ["Nordic"] });
    expect(byRow.get(4)!).toMatchObject({ cells: { name: 'Ana "Nan" Díaz' }, role: "leader", teams: ["Nordic", "Team B"] });
    expect(byRow.get(5)!.note).toContain("not a valid email address");
    expect(byRow.get(6)!.note).toContain("also on row 7");
    expect(byRow.get(7)!.note).toContain("also on row 6");
    expect(byRow.get(8)!.note).toContain("“manager” is not a role");
    expect(byRow.get(9)!.note).toContain("one team only");
    expect(byRow.get(10)!.note).toContain("Old Team is archived");
    expect(byRow.get(11)!.note).toContain("spreadsheet formula");
    expect(p.counts).toEqual({ invite: 3, update: 0, unchanged: 0, error: 7, refused: 0, newTeams: 1 });
    expect(p.newTeams).toEqual(["Nordic"]);
  });

  it("shows members and invited people as they stand, and a member's differences from the file", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const file = [
      "email,role,team",
      `${await emailOf(f.users.rep)},rep,Team A`, // as in the file
      `${await emailOf(f.users.otherRep)},rep,Team B`, // moves
      `${await emailOf(f.users.otherLeader)},leader,Team A|Team B`, // leads one more
      `${await emailOf(f.users.deactivated)},rep,Team A`,
      `${await emailOf(f.users.admin)},leader,Team A`, // the importer
    ].join("\n");
    const p = await preview(f, file);
    expect(p.rows.map((r) => [r.status, r.note])).toEqual([
      ["unchanged", "Already a member, as in the file."],
      ["update", "Team: Team A → Team B"],
      ["update", "Leads: Team B → Team A, Team B"],
      ["error", "Dee Deactivated's membership is deactivated: reactivate it on the Members page first."],
      ["error", "This is you: change your own role or teams on the Members page."],
    ]);
  });

  it("runs in a transaction the database keeps read only (what the chain does for readOnly actions)", async () => {
    const f = await createMatrixOrganisation(testDb());
    const write = inScope(testDb(), { orgId: f.orgId }, async (tx) => {
      await readOnlyTransaction(tx);
      await insertTeams(tx, f.orgId, ["Written in a preview"]);
    });
    const error = await write.then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(String(error?.cause?.message ?? error)).toMatch(/read-only transaction/);
    expect(await teamNames(f.orgId)).not.toContain("Written in a preview");
  });

  it("is declared read only, and the chain runs a read-only action in a transaction that refuses any write", async () => {
    const previewEntry = registeredEntries().find((e) => e.name === "people.previewImport");
    expect(previewEntry?.entry === "member" && previewEntry.readOnly).toBe(true);
    const confirmEntry = registeredEntries().find((e) => e.name === "people.import");
    expect(confirmEntry?.entry === "member" && confirmEntry.readOnly).toBeFalsy();

    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    const failed = await writingProbe(f.slug, {}).then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(String(failed?.cause?.message ?? failed)).toMatch(/read-only transaction/);
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("refuses what is not a people file, with the reason", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const refusal = async (content: unknown) => {
      const outcome = await previewImport(f.slug, { content });
      expect(outcome.status).toBe("error");
      return (outcome as { fieldErrors?: Record<string, string> }).fieldErrors?.content;
    };
    expect(await refusal("Ana,ana@example.test,rep,Team A\n")).toMatch(
      /^The first row must name the columns: name, email, role, team \(email and role are missing\)/,
    );
    expect(await refusal(`${"col,".repeat(100_000)}\n`)).toContain("100,001 columns");
    expect(await refusal("email,role\n" + "x@example.test,rep\n".repeat(5_001))).toContain("more than 5,000 people");
    expect(await refusal("x".repeat(10 * 1024 * 1024))).toContain("at most 2.0 MB");
    expect(await refusal(`email,role\n${"é".repeat(1_100_000)}\n`)).toContain("This file is 2.1 MB");
    expect(await refusal("PK\u0003\u0004\u0014\u0000\u0006\u0000binary")).toBeTruthy(); // a zip (an .xlsx): NUL refused by the chain
    expect(await refusal("PK\u0003\u0004\u0014\u0006\u0008binary xlsx")).toContain("not a CSV text file");
    expect(await refusal("")).toContain("empty");
    expect(await refusal(undefined)).toContain("Choose a CSV file");
  });
});

describe("people import: confirm", () => {
  it("creates the teams and email-bound single-use invites, queues their mails, and audits one import with its counts", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const p = await preview(f, SPREADSHEET);
    const result = ok<ImportResult>(await confirm(f, SPREADSHEET, { digest: p.digest, sendEmail: "on" }));
    expect(result).toMatchObject({ invited: 3, teamsCreated: ["Nordic"], updated: 0, errors: 7, emailed: true, links: [] });

    expect(await teamNames(f.orgId)).toEqual(["Nordic", "Old Team", "Team A", "Team B"]);
    const made = await testDb()
      .select()
      .from(invites)
      .where(and(eq(invites.orgId, f.orgId), inArray(invites.email, ["soren@example.test", "li.lei@example.test", "ana@example.test"])));
    const teamIds = new Map((await testDb().select().from(teams).where(eq(teams.orgId, f.orgId))).map((t) => [t.name, t.id]));
    expect(made.map((i) => [i.email, i.role, i.teamId, i.maxUses, i.uses, i.emailedAt !== null]).sort()).toEqual([
      ["ana@example.test", "leader", teamIds.get("Nordic"), 1, 0, true],
      ["li.lei@example.test", "rep", teamIds.get("Nordic"), 1, 0, true],
      ["soren@example.test", "rep", f.teamId, 1, 0, true],
    ]);
    const ana = made.find((i) => i.email === "ana@example.test")!;
    expect(await testDb().select({ teamId: inviteLedTeams.teamId }).from(inviteLedTeams).where(eq(inviteLedTeams.inviteId, ana.id))).toEqual([
      { teamId: f.otherTeamId },
    ]);
    const mails = await testDb().select({ to: mailOutbox.toEmail, kind: mailOutbox.kind }).from(mailOutbox).where(eq(mailOutbox.orgId, f.orgId));
    expect(mails.map((m) => `${m.kind} ${m.to}`).sort()).toEqual([
      "invitation ana@example.test",
      "invitation li.lei@example.test",
      "invitation soren@example.test",
    ]);

    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "people.import")));
    expect(event!.after).toEqual({ rows: 10, invited: 3, teamsCreated: 1, updated: 0, leftAsTheyAre: 0, unchanged: 0, errors: 7, emailed: true });
    expect(await auditActions(f.orgId)).toEqual(["people.import", "team.create"]);
  });

  it("changes nothing when the same file comes again", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    ok(await confirm(f, SPREADSHEET, { sendEmail: "on" }));
    const before = await snapshotTables(testDb());
    const again = await preview(f, SPREADSHEET);
    expect(again.counts).toMatchObject({ invite: 0, update: 0, unchanged: 3, error: 7, newTeams: 0 });
    expect(again.rows.filter((r) => r.status === "unchanged").map((r) => r.note)).toEqual(
      Array(3).fill("Already invited, with a link that can still be used."),
    );
    expect(await confirm(f, SPREADSHEET, { digest: again.digest, sendEmail: "on" })).toMatchObject({
      status: "error",
      code: "conflict",
      message: expect.stringContaining("Nothing to import"),
    });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("returns the links once, to download, when they are not emailed; a leader invited to two teams leads both on joining", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const file = "name,email,role,team\nNew Leader,new.leader@example.test,leader,Team A|Team B\n";
    const result = ok<ImportResult>(await confirm(f, file));
    expect(result.emailed).toBe(false);
    expect(result.links).toEqual([
      {
        row: 2,
        name: "New Leader",
        email: "new.leader@example.test",
        role: "leader",
        team: "Team A | Team B",
        path: expect.stringMatching(new RegExp(`^/o/${f.slug}/join/[\\w-]{40,}$`)),
      },
    ]);
    expect(await testDb().select().from(mailOutbox).where(eq(mailOutbox.orgId, f.orgId))).toEqual([]);

    actAs(f, "signedOut");
    const token = result.links[0]!.path.split("/").at(-1)!;
    ok(await acceptInviteAsNewPerson(f.slug, token, { name: "New Leader", email: "new.leader@example.test", password: "a long enough password" }));
    const [joined] = await testDb().select({ id: users.id }).from(users).where(eq(users.email, "new.leader@example.test"));
    const led = await testDb()
      .select({ teamId: teamLeaders.teamId })
      .from(teamLeaders)
      .where(and(eq(teamLeaders.orgId, f.orgId), eq(teamLeaders.userId, joined!.id)));
    expect(led.map((l) => l.teamId).sort()).toEqual([f.teamId, f.otherTeamId].sort());
  });

  it("applies a member's differences only when chosen, with the usual events", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const file = [
      "email,role,team",
      `${await emailOf(f.users.otherRep)},rep,Team B`,
      `${await emailOf(f.users.otherLeader)},leader,Team A | Brand New`,
      `${await emailOf(f.users.rep)},leader,Team B`,
      "fresh@example.test,rep,Team A",
    ].join("\n");
    // Left as they are: only the new person is invited.
    expect(ok<ImportResult>(await confirm(f, file))).toMatchObject({ invited: 1, updated: 0, leftAsTheyAre: 3, teamsCreated: [] });
    const [rep] = await testDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.otherRep)));
    expect(rep!.teamId).toBe(f.teamId);

    // Then applied: two of the three.
    const apply = [await emailOf(f.users.otherRep), await emailOf(f.users.otherLeader)];
    expect(ok<ImportResult>(await confirm(f, file, { apply }))).toMatchObject({
      invited: 0,
      updated: 2,
      leftAsTheyAre: 1,
      teamsCreated: ["Brand New"],
    });
    const after = await testDb().select().from(memberships).where(eq(memberships.orgId, f.orgId));
    expect(after.find((m) => m.userId === f.users.otherRep)).toMatchObject({ role: "rep", teamId: f.otherTeamId });
    expect(after.find((m) => m.userId === f.users.rep)).toMatchObject({ role: "rep", teamId: f.teamId });
    const brandNew = (
      await testDb()
        .select()
        .from(teams)
        .where(and(eq(teams.orgId, f.orgId), eq(teams.name, "Brand New")))
    )[0]!;
    const leads = await testDb()
      .select({ teamId: teamLeaders.teamId })
      .from(teamLeaders)
      .where(and(eq(teamLeaders.orgId, f.orgId), eq(teamLeaders.userId, f.users.otherLeader)));
    expect(leads.map((l) => l.teamId).sort()).toEqual([f.teamId, brandNew.id].sort());
    const events = await testDb()
      .select({ action: auditEvents.action, label: auditEvents.targetLabel, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, f.orgId));
    expect(
      events
        .filter((e) => e.action !== "people.import")
        .map((e) => [e.action, e.label, e.before, e.after])
        .sort(),
    ).toEqual(
      [
        ["member.moveTeam", "Ora Otherrep", { team: "Team A" }, { team: "Team B" }],
        ["team.addLeader", "Brand New", null, { leader: "Olu Otherleader" }],
        ["team.addLeader", "Team A", null, { leader: "Olu Otherleader" }],
        ["team.create", "Brand New", null, { name: "Brand New" }],
        ["team.removeLeader", "Team B", { leader: "Olu Otherleader" }, { leader: null }],
      ].sort(),
    );
  });

  it("changes a member's role as the members page would, with their leaderships and the events in order", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const [rep, otherLeader] = [await emailOf(f.users.rep), await emailOf(f.users.otherLeader)];
    const file = ["email,role,team", `${rep},leader,Team B`, `${otherLeader},rep,Team A`].join("\n");
    expect((await preview(f, file)).rows.map((r) => [r.status, r.note])).toEqual([
      ["update", "Role: rep → leader · Leads: none → Team B"],
      ["update", "Role: leader → rep · Team: none → Team A · Leads: Team B → none"],
    ]);
    expect(ok<ImportResult>(await confirm(f, file, { apply: [rep, otherLeader] }))).toMatchObject({ invited: 0, updated: 2, leftAsTheyAre: 0 });

    const after = await testDb().select().from(memberships).where(eq(memberships.orgId, f.orgId));
    expect(after.find((m) => m.userId === f.users.rep)).toMatchObject({ role: "leader", teamId: null });
    expect(after.find((m) => m.userId === f.users.otherLeader)).toMatchObject({ role: "rep", teamId: f.teamId });
    const leads = await testDb()
      .select({ userId: teamLeaders.userId, teamId: teamLeaders.teamId })
      .from(teamLeaders)
      .where(eq(teamLeaders.orgId, f.orgId));
    expect(leads.filter((l) => l.userId === f.users.rep || l.userId === f.users.otherLeader)).toEqual([
      { userId: f.users.rep, teamId: f.otherTeamId },
    ]);

    // One statement wrote them, in the order the rows come, the import's own event last.
    const events = await testDb()
      .select({ action: auditEvents.action, label: auditEvents.targetLabel, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, f.orgId))
      .orderBy(asc(auditEvents.createdAt));
    expect(events.map((e) => [e.action, e.label, e.before, e.after])).toEqual([
      ["member.changeRole", "Remy Rep", { role: "rep" }, { role: "leader", team: null }],
      ["team.addLeader", "Team B", null, { leader: "Remy Rep" }],
      ["member.changeRole", "Olu Otherleader", { role: "leader" }, { role: "rep", team: "Team A" }],
      ["team.removeLeader", "Team B", { leader: "Olu Otherleader" }, { leader: null }],
      ["people.import", expect.any(String), null, expect.objectContaining({ updated: 2 })],
    ]);
  });

  it("refuses a confirm whose preview no longer holds, with the new preview", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const file = "email,role,team\nlate@example.test,rep,Team A\n";
    const p = await preview(f, file);
    ok(await confirm(f, "email,role,team\nlate@example.test,rep,Team A\n")); // someone else imports it first
    const before = await snapshotTables(testDb());
    const outcome = await confirm(f, file, { digest: p.digest });
    expect(outcome).toMatchObject({ status: "error", code: "conflict", details: { preview: { counts: { invite: 0, unchanged: 1 } } } });
    expect(await snapshotTables(testDb())).toEqual(before);
  });
});

describe("people import: leaders", () => {
  it("import reps into the teams they lead; another team's reps are refused and nothing is written", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    ok(await confirm(f, "email,role,team\nmine@example.test,rep,Team A\n"));
    const file =
      "email,role,team\nmine2@example.test,rep,Team A\ntheirs@example.test,rep,Team B\nboss@example.test,leader,Team A\nnew@example.test,rep,Team Z\n";
    const p = await preview(f, file);
    expect(p.rows.map((r) => [r.status, r.note])).toEqual([
      ["invite", "Will be invited as rep of Team A."],
      ["refused", "You import reps into Team A only: ask an admin to import people into Team B."],
      ["refused", "Only an admin can import leaders and admins."],
      ["refused", "There is no team “Team Z”, and only an admin can create one."],
    ]);
    const before = await snapshotTables(testDb());
    expect(await confirm(f, file)).toMatchObject({
      status: "error",
      code: "forbidden",
      message: expect.stringContaining("You may not import rows 3, 4, 5"),
    });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("see members as already in the organisation, without their details, and change none", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "otherLeader");
    const p = await preview(f, `email,role,team\n${await emailOf(f.users.rep)},rep,Team B\n`);
    expect(p.rows.map((r) => [r.status, r.note])).toEqual([["unchanged", "Already in the organisation: an admin manages their role and team."]]);
  });

  it("see another team's invites as already invited, without their role or team; their own teams' as they are", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    ok(await confirm(f, "email,role,team\nin.b@example.test,rep,Team B\nin.a@example.test,rep,Team A\n"));
    const file = "email,role,team\nin.b@example.test,rep,Team A\nin.a@example.test,rep,Team A\n";
    const moved = "email,role,team\nin.b@example.test,rep,Team A\nin.a@example.test,rep,Team B\n";
    expect((await preview(f, file)).rows.map((r) => r.note)).toEqual([
      "Already invited as rep of Team B: revoke that invite on the Invites page to invite them as the file says.",
      "Already invited, with a link that can still be used.",
    ]);

    actAs(f, "leader"); // leads Team A
    expect((await preview(f, file)).rows.map((r) => [r.status, r.note])).toEqual([
      ["unchanged", "Already invited to a team you do not lead: an admin manages their invite."],
      ["unchanged", "Already invited, with a link that can still be used."],
    ]);
    actAs(f, "otherLeader"); // leads Team B
    expect((await preview(f, moved)).rows.map((r) => [r.status, r.note])).toEqual([
      ["refused", "You import reps into Team B only: ask an admin to import people into Team A."],
      ["unchanged", "Already invited to a team you do not lead: an admin manages their invite."],
    ]);
    expect((await preview(f, "email,role,team\nin.b@example.test,rep,Team B\n")).rows.map((r) => r.note)).toEqual([
      "Already invited, with a link that can still be used.",
    ]);
  });
});

describe("people import: statements", () => {
  /**
   * A file of `n` rows: new reps into an existing team and a new one, a new leader of two teams, a rep to move and a
   * leader to lead one more team.
   */
  function fileOf(n: number, [rep, leader]: string[]) {
    const lines = ["name;email;role;team"];
    for (let i = 0; i < n - 3; i++) lines.push(`Rep ${i};rep.${i}@example.test;rep;${i % 2 ? "Team A" : "New Team"}`);
    lines.push(`Lead;lead@example.test;leader;Team A | Newer Team`, `Member;${rep};rep;Team B`, `Leader;${leader};leader;Team A | Team B`);
    return lines.join("\n");
  }

  it("preview and confirm run a constant number of statements, for 10 rows and for 2,000", async () => {
    const counts: { preview: number; confirm: number }[] = [];
    for (const n of [10, 2_000]) {
      const f = await createMatrixOrganisation(testDb());
      actAs(f, "admin");
      const members = [await emailOf(f.users.rep), await emailOf(f.users.otherLeader)];
      const file = fileOf(n, members);
      const previewed = await countQueries(() => previewImport(f.slug, { content: file }));
      expect(ok<ImportPreview>(previewed.result).counts).toMatchObject({ invite: n - 2, update: 2, newTeams: 2 });
      const confirmed = await countQueries(() => confirm(f, file, { apply: members, sendEmail: "on" }));
      expect(ok<ImportResult>(confirmed.result)).toMatchObject({ invited: n - 2, updated: 2 });
      expect(await testDb().select().from(mailOutbox).where(eq(mailOutbox.orgId, f.orgId))).toHaveLength(n - 2);
      counts.push({ preview: previewed.queries, confirm: confirmed.queries });
    }
    expect(counts[1]).toEqual(counts[0]);
    // The chain's own (session, scope, membership), then: preview 3 (read only, teams, people); confirm 11 (lock, teams,
    // people, team insert, invites, led teams, mail queue, memberships, leaderships out and in, the audit events).
    expect(counts[0]).toEqual({ preview: 6, confirm: 14 });
  }, 120_000);
});

describe("people export", () => {
  async function exported(f: Fixture) {
    const entry = registeredEntries().find((e) => e.name === "/o/[slug]/members/export");
    if (entry?.entry !== "member") throw new Error("export not registered");
    const outcome = await entry.call(f.slug, {});
    if (outcome.status !== "ok") throw new Error(outcome.code);
    return (outcome.data as { csv: string; fileName: string }).csv;
  }

  it("writes the people in the import's format, formulas neutralised, and imports again changing nothing", async () => {
    const f = await createMatrixOrganisation(testDb());
    await testDb()
      .update(users)
      .set({ name: '=HYPERLINK("http://evil.example","Remy")', lastSignInAt: new Date("2026-03-04T09:05:00Z") })
      .where(eq(users.id, f.users.rep));
    actAs(f, "admin");
    void loadPeopleExport;
    const csv = await exported(f);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFname,email,role,team,status,last sign-in");
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example"",""Remy"")",${await emailOf(f.users.rep)},rep,Team A,active,2026-03-04 09:05`);
    expect(lines).toContain(`Dee Deactivated,${await emailOf(f.users.deactivated)},rep,Team A,deactivated,`);
    expect(lines.filter((l) => l.includes(",leader,"))).toHaveLength(3);

    const before = await snapshotTables(testDb());
    const again = await preview(f, csv);
    expect(again.counts).toMatchObject({ invite: 0, update: 0, error: 0, refused: 0, unchanged: 7 });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("gives a leader the people of the teams they lead only", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "otherLeader");
    const rows = (await exported(f)).trim().split("\r\n").slice(1);
    expect(rows).toEqual([`Olu Otherleader,${await emailOf(f.users.otherLeader)},leader,Team B,active,`]);
  });
});
