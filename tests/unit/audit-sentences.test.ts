import { describe, expect, it } from "vitest";
import { auditActionLabel, describeAuditEvent, type DescribableAuditEvent } from "@/lib/audit/sentences";

const dana = "Dana Reyes";

function event(action: string, fields: Partial<DescribableAuditEvent> = {}): DescribableAuditEvent {
  return { action, actorName: dana, targetType: null, targetLabel: null, before: null, after: null, ...fields };
}

describe("describeAuditEvent", () => {
  it("describes creating the organisation at sign-up", () => {
    const signUp = event("account.signUp", {
      targetType: "organisation",
      targetLabel: "Brightwater Supply Co.",
      after: { name: "Brightwater Supply Co.", slug: "brightwater", timeZone: "Europe/London" },
    });
    expect(describeAuditEvent(signUp)).toBe("Dana Reyes created the organisation Brightwater Supply Co.");
  });

  it("describes calibration rounds without the scores a second rater gave", () => {
    const round = (action: string, targetLabel: string, after: unknown) =>
      describeAuditEvent(event(action, { targetType: "calibration_round", targetLabel, after }));
    expect(round("calibration.startRound", "Q4 2026", { reps: 10, teams: 2, raters: 2 })).toBe(
      "Dana Reyes started a calibration round in Q4 2026: 10 reps to rate a second time, by 2 second raters",
    );
    expect(round("calibration.startRound", "Q4 2026", { reps: 1, teams: 1, raters: 1 })).toBe(
      "Dana Reyes started a calibration round in Q4 2026: 1 rep to rate a second time, by 1 second rater",
    );
    expect(round("calibration.rateSecond", "Avery Lin", { behaviours: 10 })).toBe("Dana Reyes rated Avery Lin a second time on 10 behaviours, blind");
    expect(round("calibration.finishRound", "Q3 2026", { finished: true })).toBe("Dana Reyes finished the calibration round in Q3 2026");
    expect(auditActionLabel("calibration.rateSecond")).toBe("Second rating saved");
  });

  it("describes a settings change by what changed", () => {
    const settings = (before: object, after: object) =>
      describeAuditEvent(event("organisation.updateSettings", { targetType: "organisation", before, after }));
    const london = { name: "Brightwater", timeZone: "Europe/London" };
    expect(settings(london, { ...london, name: "Harbour Light" })).toBe("Dana Reyes renamed the organisation to Harbour Light");
    expect(settings(london, { ...london, timeZone: "America/New_York" })).toBe("Dana Reyes changed the organisation's time zone to America/New York");
    expect(settings(london, { name: "Harbour Light", timeZone: "Asia/Tokyo" })).toBe(
      "Dana Reyes renamed the organisation to Harbour Light and changed its time zone to Asia/Tokyo",
    );
    expect(settings(london, london)).toBe("Dana Reyes saved the organisation settings without changes");
  });

  it("describes results: a typed value, an upload, an API token's write (no actor), measures", () => {
    const label = "Avery Lin · Quota attainment · Q1 2027";
    expect(describeAuditEvent(event("result.save", { targetLabel: label, before: { value: null }, after: { value: 92.5 } }))).toBe(
      "Dana Reyes set Avery Lin’s Quota attainment for Q1 2027 to 92.5",
    );
    expect(describeAuditEvent(event("result.save", { targetLabel: label, before: { value: 92.5 }, after: { value: null } }))).toBe(
      "Dana Reyes cleared Avery Lin’s Quota attainment for Q1 2027 (was 92.5)",
    );
    expect(describeAuditEvent(event("results.upload", { targetLabel: "Q1 2027", after: { created: 3, updated: 1, unchanged: 0 } }))).toBe(
      "Dana Reyes uploaded results for Q1 2027: 3 new, 1 changed, 0 unchanged",
    );
    expect(
      describeAuditEvent({
        ...event("results.apiWrite", { targetLabel: "CRM export", after: { cycle: "Q1 2027", created: 0, updated: 0, unchanged: 2 } }),
        actorName: null,
      }),
    ).toBe("The API token CRM export wrote results for Q1 2027: 0 new, 0 changed, 2 unchanged");
    expect(
      describeAuditEvent(event("measure.edit", { targetLabel: "Net revenue", before: { name: "Revenue" }, after: { name: "Net revenue" } })),
    ).toBe("Dana Reyes renamed the measure Revenue to Net revenue");
    expect(describeAuditEvent(event("apiToken.revoke", { targetLabel: "CRM export" }))).toBe("Dana Reyes revoked the API token CRM export");
  });

  it("describes creating and revoking invite links", () => {
    const created = event("invite.create", {
      targetType: "invite",
      targetLabel: "Team East",
      after: { role: "rep", team: "Team East", email: null, maxUses: 1, expiresAt: "2025-01-08T09:00:00.000Z" },
    });
    expect(describeAuditEvent(created)).toBe("Dana Reyes created an invite link to join Team East as a rep");
    const forAdmin = event("invite.create", {
      after: { role: "admin", team: null, email: "sam@example.test", maxUses: 5, expiresAt: "2025-01-08T09:00:00.000Z" },
    });
    expect(describeAuditEvent(forAdmin)).toBe("Dana Reyes created an invite link for sam@example.test to join as an admin, for up to 5 people");
    expect(describeAuditEvent(event("invite.revoke", { targetType: "invite", targetLabel: "Team East" }))).toBe(
      "Dana Reyes revoked an invite link for Team East",
    );
    expect(describeAuditEvent(event("invite.revoke", { targetLabel: null }))).toBe("Dana Reyes revoked an invite link");
  });

  it("describes people joining through a link, as the people who joined", () => {
    const after = { role: "rep", team: "Team East", inviteId: "0b5c1a62-9e4e-4c2c-8d7e-2f0c3b1d4a55" };
    const nia = { actorName: "Nia Newcomer", targetType: "membership", targetLabel: "Nia Newcomer", after };
    expect(describeAuditEvent(event("invite.acceptAsNew", nia))).toBe("Nia Newcomer joined as a rep of Team East through an invite link");
    expect(describeAuditEvent(event("invite.acceptSignedIn", { ...nia, after: { ...after, role: "admin", team: null } }))).toBe(
      "Nia Newcomer joined as an admin through an invite link, with an existing account",
    );
  });

  it("describes team changes, naming teams whose name does not say 'team'", () => {
    const team = (action: string, fields: Partial<DescribableAuditEvent> = {}) =>
      describeAuditEvent(event(action, { targetType: "team", targetLabel: "Team East", ...fields }));
    expect(team("team.create", { after: { name: "Team East" } })).toBe("Dana Reyes created Team East");
    expect(team("team.create", { targetLabel: "Enterprise" })).toBe("Dana Reyes created the team Enterprise");
    expect(team("team.rename", { targetLabel: "Team North", before: { name: "Team East" }, after: { name: "Team North" } })).toBe(
      "Dana Reyes renamed Team East to Team North",
    );
    expect(team("team.archive")).toBe("Dana Reyes archived Team East");
    expect(team("team.restore")).toBe("Dana Reyes restored Team East");
    expect(team("team.addLeader", { after: { leader: "Marcus Webb" } })).toBe("Dana Reyes made Marcus Webb a leader of Team East");
    expect(team("team.removeLeader", { after: { leader: "Marcus Webb" } })).toBe("Dana Reyes removed Marcus Webb as a leader of Team East");
    expect(team("team.removeLeader", { before: { leader: "Marcus Webb" }, after: { leader: null } })).toBe(
      "Dana Reyes removed Marcus Webb as a leader of Team East",
    );
  });

  it("describes membership changes", () => {
    const member = (action: string, before: unknown = null, after: unknown = null) =>
      describeAuditEvent(event(action, { targetType: "membership", targetLabel: "Avery Lin", before, after }));
    expect(member("member.changeRole", { role: "rep", team: "Team East" }, { role: "leader", team: null })).toBe(
      "Dana Reyes changed Avery Lin from a rep of Team East to a leader",
    );
    expect(member("member.changeRole", { role: "leader" }, { role: "admin", team: null })).toBe(
      "Dana Reyes changed Avery Lin from a leader to an admin",
    );
    expect(member("member.moveTeam", { team: "Team East" }, { team: "Team West" })).toBe("Dana Reyes moved Avery Lin from Team East to Team West");
    expect(member("member.moveTeam", { team: null }, { team: "Team West" })).toBe("Dana Reyes moved Avery Lin to Team West");
    expect(member("member.deactivate")).toBe("Dana Reyes deactivated the membership of Avery Lin");
    expect(member("member.reactivate")).toBe("Dana Reyes reactivated the membership of Avery Lin");
  });

  it("describes coaching settings by what changed", () => {
    const settings = (before: object, after: object) =>
      describeAuditEvent(event("coaching.updateSettings", { targetType: "organisation", before, after }));
    const defaults = { blindSpotGap: 2, hiddenStrengthGap: 2, agreedWeaknessMax: 2, agreedStrengthMin: 4, oneOnOneCadenceDays: 14 };
    expect(settings(defaults, { ...defaults, blindSpotGap: 3, oneOnOneCadenceDays: 21 })).toBe(
      "Dana Reyes changed the coaching settings: blind spots from a gap of 3 (was 2), a 1:1 every 21 days (was 14)",
    );
    expect(settings(defaults, { ...defaults, hiddenStrengthGap: 1, agreedWeaknessMax: 1, agreedStrengthMin: 5 })).toBe(
      "Dana Reyes changed the coaching settings: hidden strengths from a gap of 1 (was 2), agreed weaknesses at 1 or lower (was 2), agreed strengths at 5 or higher (was 4)",
    );
    expect(settings({ ...defaults, gapBasis: "raw" }, { ...defaults, gapBasis: "relative" })).toBe(
      "Dana Reyes changed the coaching settings: labels from the gap relative to each rep's tendency (was the raw gap)",
    );
    expect(settings(defaults, defaults)).toBe("Dana Reyes saved the coaching settings without changes");
    expect(auditActionLabel("coaching.updateSettings")).toBe("Coaching settings changed");
  });

  it("describes coaching plans and their checklist, naming the rep and the behaviour", () => {
    const plan = (action: string, fields: Partial<DescribableAuditEvent> = {}) =>
      describeAuditEvent(event(action, { actorName: "Marcus Webb", targetType: "coaching_plan", targetLabel: "Avery Lin · Prospecting", ...fields }));
    expect(plan("coaching.createPlan", { after: { targetScore: 4, dueOn: "2027-02-28", actions: 2 } })).toBe(
      "Marcus Webb made a coaching plan for Avery Lin on Prospecting: target 4, due 28 Feb 2027, 2 actions",
    );
    expect(plan("coaching.createPlan", { after: { targetScore: 3, dueOn: null, actions: 1 } })).toBe(
      "Marcus Webb made a coaching plan for Avery Lin on Prospecting: target 3, 1 action",
    );
    const was = { targetScore: 4, dueOn: "2027-03-31", status: "active" };
    expect(plan("coaching.updatePlan", { before: was, after: { ...was, status: "done", targetScore: 5 } })).toBe(
      "Marcus Webb edited the coaching plan for Avery Lin on Prospecting: status done (was active), target 5 (was 4)",
    );
    expect(plan("coaching.updatePlan", { before: was, after: { ...was, dueOn: null } })).toBe(
      "Marcus Webb edited the coaching plan for Avery Lin on Prospecting: due date none (was 31 Mar 2027)",
    );
    expect(plan("coaching.updatePlan", { before: was, after: was })).toBe(
      "Marcus Webb saved the coaching plan for Avery Lin on Prospecting without changes",
    );
    expect(plan("coaching.addPlanAction", { after: { action: "Ask for a referral" } })).toBe(
      "Marcus Webb added an action to the coaching plan for Avery Lin on Prospecting: Ask for a referral",
    );
    expect(plan("coaching.removePlanAction", { before: { action: "Join the trade-show rota" } })).toBe(
      "Marcus Webb removed an action from the coaching plan for Avery Lin on Prospecting: Join the trade-show rota",
    );
    expect(plan("coaching.setPlanActionDone", { actorName: "Avery Lin", after: { action: "Shadow a call", done: true } })).toBe(
      "Avery Lin marked an action of the coaching plan for Avery Lin on Prospecting as done: Shadow a call",
    );
    expect(plan("coaching.setPlanActionDone", { after: { action: "Shadow a call", done: false } })).toBe(
      "Marcus Webb marked an action of the coaching plan for Avery Lin on Prospecting as not done: Shadow a call",
    );
    expect(plan("coaching.setPlanActionDone", { targetLabel: null, after: "odd" })).toBe(
      "Marcus Webb marked an action of the coaching plan for a rep as done",
    );
    expect(auditActionLabel("coaching.createPlan")).toBe("Coaching plan created");
  });

  it("describes 1:1 notes by their day and whether they are shared, never by their text", () => {
    const SECRET = "worried about the pipeline";
    const note = (action: string, before: unknown, after: unknown) =>
      describeAuditEvent(event(action, { actorName: "Marcus Webb", targetType: "one_on_one_note", targetLabel: "Avery Lin", before, after }));
    const sentences = [
      [
        note("coaching.createNote", null, { heldOn: "2026-01-05", shared: false, behaviours: 1, body: SECRET }),
        "Marcus Webb wrote a private 1:1 note about Avery Lin (the 1:1 of 5 Jan 2026)",
      ],
      [
        note("coaching.createNote", null, { heldOn: "2026-01-05", shared: true, behaviours: 0 }),
        "Marcus Webb wrote a shared 1:1 note about Avery Lin (the 1:1 of 5 Jan 2026)",
      ],
      [
        note(
          "coaching.updateNote",
          { heldOn: "2026-01-05", shared: false, body: SECRET },
          { heldOn: "2026-01-06", shared: true, behaviours: 0, body: SECRET },
        ),
        "Marcus Webb edited a 1:1 note about Avery Lin (the 1:1 of 6 Jan 2026) and shared it with the rep",
      ],
      [
        note("coaching.updateNote", { heldOn: "2026-01-05", shared: true }, { heldOn: "2026-01-05", shared: false, behaviours: 2 }),
        "Marcus Webb edited a 1:1 note about Avery Lin (the 1:1 of 5 Jan 2026) and made it private",
      ],
      [
        note("coaching.updateNote", { heldOn: "2026-01-05", shared: false }, { heldOn: "2026-01-05", shared: false }),
        "Marcus Webb edited a private 1:1 note about Avery Lin (the 1:1 of 5 Jan 2026)",
      ],
      [
        note("coaching.deleteNote", { heldOn: "2026-01-05", shared: true, body: SECRET }, null),
        "Marcus Webb deleted a shared 1:1 note about Avery Lin (the 1:1 of 5 Jan 2026)",
      ],
      [note("coaching.deleteNote", "odd", null), "Marcus Webb deleted a 1:1 note about Avery Lin"],
    ];
    for (const [sentence, expected] of sentences) {
      expect(sentence).toBe(expected);
      expect(sentence).not.toContain(SECRET);
    }
    expect(auditActionLabel("coaching.deleteNote")).toBe("1:1 note deleted");
  });

  it("describes check-in links and their answer, which has no actor", () => {
    const label = { targetType: "relationship", targetLabel: "Gail Porter (Distribution)" };
    expect(describeAuditEvent(event("checkIn.create", { ...label, after: { checkIn: "x", expiresInDays: 14 } }))).toBe(
      "Dana Reyes created a check-in link lasting 14 days for Gail Porter (Distribution)",
    );
    expect(describeAuditEvent(event("checkIn.revoke", label))).toBe("Dana Reyes revoked a check-in link for Gail Porter (Distribution)");
    expect(describeAuditEvent(event("checkIn.answer", { ...label, actorName: null, after: { checkIn: "x", trust: 4 } }))).toBe(
      "Gail Porter (Distribution) answered a check-in through its link (their trust: 4 of 5)",
    );
    expect(describeAuditEvent(event("checkIn.answer", { actorName: null, after: "odd" }))).toBe("A counterpart answered a check-in through its link");
    expect(auditActionLabel("checkIn.answer")).toBe("Check-in answered");
  });

  it("describes the benchmark's trivial action as what it is, not as a change", () => {
    const ping = event("bench.ping", { targetType: "organisation", targetLabel: "Brightwater Supply Co." });
    expect(describeAuditEvent(ping)).toBe("Dana Reyes ran the benchmark's trivial action (it changes nothing)");
    expect(auditActionLabel("bench.ping")).toBe("Trivial action");
  });

  it("describes self-assessments, sharing and rating comments in words, never a draft self score", () => {
    const rep = { actorName: "Avery Lin" };
    const saved = event("assessment.saveSelfRating", {
      ...rep,
      targetType: "self_rating",
      targetLabel: "Prospecting · Q1 2027",
      after: { score: 4 },
    });
    expect(describeAuditEvent(saved)).toBe("Avery Lin saved a self rating of Prospecting (Q1 2027)");
    expect(describeAuditEvent(event("assessment.submit", { ...rep, targetLabel: "Avery Lin · Q1 2027", after: { status: "submitted" } }))).toBe(
      "Avery Lin submitted their self-assessment for Q1 2027",
    );
    expect(describeAuditEvent(event("assessment.share", { targetLabel: "Avery Lin · Q1 2027" }))).toBe(
      "Dana Reyes shared the Q1 2027 results with Avery Lin",
    );
    expect(describeAuditEvent(event("assessment.reopen", { targetLabel: "Avery Lin · Q1 2027" }))).toBe(
      "Dana Reyes reopened Avery Lin's self-assessment for Q1 2027",
    );
    const comment = (after: object) => describeAuditEvent(event("grid.comment", { targetLabel: "Avery Lin · Prospecting · Q1 2027", after }));
    expect(comment({ comment: "set" })).toBe("Dana Reyes commented on Avery Lin's rating on Prospecting (Q1 2027)");
    expect(comment({ comment: "cleared" })).toBe("Dana Reyes removed the comment on Avery Lin's rating on Prospecting (Q1 2027)");
    expect(describeAuditEvent(event("assessment.submit"))).toBe("Dana Reyes submitted a rep's self-assessment");
    for (const [action, label] of [
      ["assessment.saveSelfRating", "Self rating saved"],
      ["assessment.submit", "Self-assessment submitted"],
      ["assessment.share", "Results shared"],
      ["grid.comment", "Rating comment saved"],
    ]) {
      expect(auditActionLabel(action!)).toBe(label);
    }
  });

  it("gives an unknown action a generic sentence", () => {
    expect(describeAuditEvent(event("rating.update", { targetType: "rep", targetLabel: "Avery Lin" }))).toBe(
      "Dana Reyes made a change (rating.update) to Avery Lin",
    );
    expect(describeAuditEvent(event("grid.publish", { targetType: "grid" }))).toBe("Dana Reyes made a change (grid.publish) to a grid");
    expect(describeAuditEvent(event("toString"))).toBe("Dana Reyes made a change (toString)");
  });

  it("survives a missing actor and stored data of an unexpected shape", () => {
    expect(describeAuditEvent(event("team.archive", { actorName: null, targetLabel: "Team East" }))).toBe("Someone archived Team East");
    for (const odd of [null, "text", 42, ["a"], { role: 7, team: {} }]) {
      for (const action of [
        "organisation.updateSettings",
        "invite.create",
        "invite.acceptAsNew",
        "team.rename",
        "member.changeRole",
        "member.moveTeam",
      ]) {
        expect(describeAuditEvent(event(action, { before: odd, after: odd })), action).toMatch(/^Dana Reyes \w/);
      }
    }
  });
});

describe("auditActionLabel", () => {
  it("names known actions and keeps unknown ones as they are", () => {
    expect(auditActionLabel("invite.revoke")).toBe("Invite link revoked");
    expect(auditActionLabel("rating.update")).toBe("rating.update");
    expect(auditActionLabel("constructor")).toBe("constructor");
  });
});

describe("describeAuditEvent: mail senders", () => {
  it("describes invitations by email, cycle opening mails and reminders", () => {
    expect(
      describeAuditEvent(
        event("invite.bulk", {
          targetLabel: "Team East",
          after: { role: "rep", team: "Team East", invited: 3, skippedMembers: 1, skippedInvited: 1 },
        }),
      ),
    ).toBe("Dana Reyes emailed invites to 3 people to join Team East as reps (2 skipped: already members or invited)");
    expect(describeAuditEvent(event("invite.sendEmail", { targetLabel: "Team East", after: { emailedTo: "ana@x.test", resent: true } }))).toBe(
      "Dana Reyes emailed again an invite link to ana@x.test for Team East",
    );
    expect(describeAuditEvent(event("cycle.open", { targetLabel: "Q1 2027", after: { status: "open", mailedReps: 1 } }))).toBe(
      "Dana Reyes opened the cycle Q1 2027 and emailed 1 rep their self-assessment",
    );
    expect(describeAuditEvent(event("cycle.open", { targetLabel: "Q1 2027", after: { status: "open" } }))).toBe(
      "Dana Reyes opened the cycle Q1 2027",
    );
    expect(describeAuditEvent(event("cycle.remind", { targetLabel: "Q1 2027", after: { reminded: 4, team: null } }))).toBe(
      "Dana Reyes reminded 4 reps to submit their self-assessment for Q1 2027",
    );
  });
});

describe("the people import", () => {
  it("says what one import did, from its counts", () => {
    const imported = (after: unknown) =>
      describeAuditEvent(event("people.import", { actorName: "Dana Reyes", targetType: "organisation", targetLabel: "Brightwater", after }));
    expect(imported({ rows: 12, invited: 8, teamsCreated: 2, updated: 1, errors: 3, emailed: true })).toBe(
      "Dana Reyes imported a file of 12 people: invited 8 people by email, created 2 teams, changed 1 person already in the organisation (3 rows with errors skipped)",
    );
    expect(imported({ rows: 1, invited: 1, teamsCreated: 0, updated: 0, errors: 0, emailed: false })).toBe(
      "Dana Reyes imported a file of 1 person: invited 1 person",
    );
    expect(imported("odd")).toBe("Dana Reyes imported a file of 0 people: invited 0 people");
    expect(auditActionLabel("people.import")).toBe("People imported from a file");
  });
});
