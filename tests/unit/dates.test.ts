import { describe, expect, it } from "vitest";
import { dateInZone, isIsoDate, startOfDayInZone, startOfNextDayInZone } from "@/lib/dates";

describe("days in a time zone", () => {
  it("start at local midnight", () => {
    expect(startOfDayInZone("2025-01-15", "Pacific/Auckland").toISOString()).toBe("2025-01-14T11:00:00.000Z");
    expect(startOfDayInZone("2025-06-01", "Asia/Kolkata").toISOString()).toBe("2025-05-31T18:30:00.000Z");
    expect(startOfDayInZone("2025-01-01", "UTC").toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(startOfNextDayInZone("2025-01-15", "America/Los_Angeles").toISOString()).toBe("2025-01-16T08:00:00.000Z");
  });

  it("are 23 or 25 hours long on daylight-saving days", () => {
    expect(startOfDayInZone("2025-03-09", "America/New_York").toISOString()).toBe("2025-03-09T05:00:00.000Z");
    expect(startOfNextDayInZone("2025-03-09", "America/New_York").toISOString()).toBe("2025-03-10T04:00:00.000Z");
    expect(startOfNextDayInZone("2025-11-02", "America/New_York").toISOString()).toBe("2025-11-03T05:00:00.000Z");
    expect(startOfNextDayInZone("2025-03-30", "Europe/London").toISOString()).toBe("2025-03-30T23:00:00.000Z");
  });

  it("start at the jump when the clocks skip midnight, and a skipped day is empty", () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    expect(startOfDayInZone("2024-09-08", "America/Santiago").toISOString()).toBe("2024-09-08T04:00:00.000Z");
    // Samoa skipped 30 December 2011.
    expect(startOfDayInZone("2011-12-30", "Pacific/Apia")).toEqual(startOfNextDayInZone("2011-12-30", "Pacific/Apia"));
  });

  it("give the local calendar date of an instant", () => {
    expect(dateInZone(new Date("2025-01-14T11:00:00Z"), "Pacific/Auckland")).toBe("2025-01-15");
    expect(dateInZone(new Date("2025-01-14T10:59:59Z"), "Pacific/Auckland")).toBe("2025-01-14");
  });

  it("accept only real yyyy-mm-dd dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-01", "20250101", "yesterday", "0050-01-01"]) expect(isIsoDate(bad), bad).toBe(false);
  });
});
