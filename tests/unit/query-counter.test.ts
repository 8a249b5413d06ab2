import { describe, expect, it } from "vitest";
import { countQueries, inBackground, recordQuery, takeQueryTotal } from "@/db/query-counter";

describe("the process-wide statement total (what /api/test/queries reports per request)", () => {
  it("counts statements of requests and leaves out background work, also from the timers it sets", async () => {
    takeQueryTotal();
    recordQuery();
    const timerRan = new Promise<void>((resolve) =>
      inBackground(() => {
        recordQuery();
        setTimeout(() => {
          recordQuery(); // a later poll of the mail worker
          resolve();
        }, 5);
      }),
    );
    await timerRan;
    recordQuery();
    expect(takeQueryTotal()).toBe(2);
    expect(takeQueryTotal()).toBe(0);
  });

  it("still counts a piece of code's own statements with countQueries", async () => {
    const { queries } = await countQueries(async () => {
      recordQuery();
      recordQuery();
    });
    expect(queries).toBe(2);
    takeQueryTotal();
  });
});
