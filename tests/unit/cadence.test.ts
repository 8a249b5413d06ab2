import { describe, expect, it } from "vitest";
import { addDays, daysBetween, todayIn } from "@/lib/dates";
import { contactDue, contactState, isOverdue, lastContact, restartsCadence } from "@/lib/relationships/rules";

describe("the contact cadence", () => {
  it("restarts on a lunch, a one-on-one or a call, never on a group meeting", () => {
    expect(restartsCadence("lunch")).toBe(true);
    expect(restartsCadence("one_on_one")).toBe(true);
    expect(restartsCadence("call")).toBe(true);
    expect(restartsCadence("meeting")).toBe(false);
    const log = [
      { kind: "lunch" as const, occurredOn: "2027-03-01" },
      { kind: "meeting" as const, occurredOn: "2027-03-20" },
    ];
    expect(lastContact(log)).toBe("2027-03-01");
    expect(lastContact([...log, { kind: "call" as const, occurredOn: "2027-03-15" }])).toBe("2027-03-15");
    expect(lastContact([{ kind: "meeting", occurredOn: "2027-03-20" }])).toBeNull();
  });

  it("counts from the last contact, or from the day the relationship was added", () => {
    expect(contactDue({ lastContactOn: "2027-03-01", startedOn: "2027-01-01", cadenceDays: 30 })).toBe("2027-03-31");
    expect(contactDue({ lastContactOn: null, startedOn: "2027-01-01", cadenceDays: 30 })).toBe("2027-01-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29"); // leap year
    expect(daysBetween("2027-03-31", "2027-03-29")).toBe(-2);
  });

  it("is overdue from the day after the due date, not on it", () => {
    const input = { lastContactOn: "2027-03-01", startedOn: "2027-01-01", cadenceDays: 30 };
    expect(contactState(input, "2027-03-30")).toMatchObject({ dueOn: "2027-03-31", overdue: false, daysLeft: 1 });
    expect(contactState(input, "2027-03-31")).toMatchObject({ overdue: false, daysLeft: 0 });
    expect(contactState(input, "2027-04-01")).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(isOverdue(null, "2027-04-01")).toBe(false);
  });

  it("takes today in the organisation's time zone", () => {
    // 03:00 UTC on 1 April is still 31 March in Chicago (UTC-5 in April), already 1 April in Berlin.
    const instant = new Date("2027-04-01T03:00:00Z");
    expect(todayIn("America/Chicago", instant)).toBe("2027-03-31");
    expect(todayIn("Europe/Berlin", instant)).toBe("2027-04-01");
    const input = { lastContactOn: "2027-03-01", startedOn: "2027-01-01", cadenceDays: 30 };
    expect(contactState(input, todayIn("America/Chicago", instant)).overdue).toBe(false);
    expect(contactState(input, todayIn("Europe/Berlin", instant)).overdue).toBe(true);
  });
});
