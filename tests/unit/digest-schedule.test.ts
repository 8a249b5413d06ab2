import { describe, expect, it } from "vitest";
import { digestWeekDue } from "@/lib/digest/schedule";

const at = (iso: string) => new Date(iso);

describe("digestWeekDue: Monday 08:00 in the organisation's time zone", () => {
  it("is due from 08:00 local on Monday, and names that Monday", () => {
    // 2027-01-04 is a Monday. London is UTC+0 in January.
    expect(digestWeekDue(at("2027-01-04T07:59:59Z"), "Europe/London")).toBeNull();
    expect(digestWeekDue(at("2027-01-04T08:00:00Z"), "Europe/London")).toBe("2027-01-04");
    expect(digestWeekDue(at("2027-01-04T23:59:59Z"), "Europe/London")).toBe("2027-01-04");
    expect(digestWeekDue(at("2027-01-05T00:00:00Z"), "Europe/London")).toBeNull();
  });

  it("follows the zone, not UTC", () => {
    // 08:00 in New York (UTC-5 in January) is 13:00 UTC.
    expect(digestWeekDue(at("2027-01-04T12:59:00Z"), "America/New_York")).toBeNull();
    expect(digestWeekDue(at("2027-01-04T13:00:00Z"), "America/New_York")).toBe("2027-01-04");
    // Monday 08:00 in Auckland (UTC+13 in January) is Sunday 19:00 UTC.
    expect(digestWeekDue(at("2027-01-03T18:59:00Z"), "Pacific/Auckland")).toBeNull();
    expect(digestWeekDue(at("2027-01-03T19:00:00Z"), "Pacific/Auckland")).toBe("2027-01-04");
    // Monday 08:00 UTC is already Monday evening in Auckland (still due) and Monday 03:00 in New York (not yet).
    expect(digestWeekDue(at("2027-01-04T08:00:00Z"), "Pacific/Auckland")).toBe("2027-01-04");
    expect(digestWeekDue(at("2027-01-04T08:00:00Z"), "America/New_York")).toBeNull();
  });

  it("keeps 08:00 local across a change of the clocks", () => {
    // Europe moves to summer time on Sunday 2027-03-28: the next Monday's 08:00 in Paris is 06:00 UTC.
    expect(digestWeekDue(at("2027-03-29T05:59:00Z"), "Europe/Paris")).toBeNull();
    expect(digestWeekDue(at("2027-03-29T06:00:00Z"), "Europe/Paris")).toBe("2027-03-29");
    // The Monday before, in winter time, 08:00 in Paris was 07:00 UTC.
    expect(digestWeekDue(at("2027-03-22T06:30:00Z"), "Europe/Paris")).toBeNull();
    expect(digestWeekDue(at("2027-03-22T07:00:00Z"), "Europe/Paris")).toBe("2027-03-22");
  });

  it("is never due on another day of the week", () => {
    for (let day = 5; day <= 10; day += 1) {
      const date = `2027-01-${String(day).padStart(2, "0")}`;
      expect(digestWeekDue(at(`${date}T09:00:00Z`), "UTC"), date).toBeNull();
    }
    expect(digestWeekDue(at("2027-01-11T09:00:00Z"), "UTC")).toBe("2027-01-11");
  });
});
