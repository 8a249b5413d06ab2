import { describe, expect, it } from "vitest";
import { behaviourCountAdvice } from "@/lib/framework/rules";
import { STARTER_BEHAVIOURS } from "@/lib/framework/starter-template";
import { addBehaviourSchema } from "@/lib/schemas/framework";

describe("the starter template", () => {
  it("has ten behaviours with distinct names, starting from the article's list", () => {
    expect(STARTER_BEHAVIOURS).toHaveLength(10);
    const names = STARTER_BEHAVIOURS.map((b) => b.name.toLowerCase());
    expect(new Set(names).size).toBe(10);
    for (const name of [
      "prospecting",
      "presenting",
      "building relationships",
      "entertaining",
      "talking about money",
      "coming up with solutions",
      "getting access to decision-makers",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("gives every behaviour a description and three different, non-empty anchors", () => {
    const anchors = STARTER_BEHAVIOURS.flatMap((b) => [b.level1, b.level3, b.level5]);
    for (const b of STARTER_BEHAVIOURS) {
      for (const text of [b.description, b.level1, b.level3, b.level5]) expect(text.trim().length, b.name).toBeGreaterThan(20);
      expect(new Set([b.level1, b.level3, b.level5]).size, b.name).toBe(3);
    }
    expect(new Set(anchors).size).toBe(30);
  });

  it("passes the same validation an admin's edit does", () => {
    for (const b of STARTER_BEHAVIOURS) {
      const parsed = addBehaviourSchema.safeParse(b);
      expect(parsed.success, `${b.name}: ${parsed.error?.message}`).toBe(true);
      expect(parsed.data).toEqual(b); // nothing to trim
    }
  });
});

describe("the advice on how many behaviours to keep", () => {
  it("is silent from 5 to 12 and says so outside", () => {
    for (const n of [5, 8, 10, 12]) expect(behaviourCountAdvice(n)).toBeNull();
    expect(behaviourCountAdvice(13)).toMatch(/^You have 13 active behaviours; 5 to 12 keep a grid usable\./);
    expect(behaviourCountAdvice(1)).toMatch(/^You have 1 active behaviour; 5 to 12 give leaders enough to coach on\./);
    expect(behaviourCountAdvice(0)).toMatch(/^You have 0 active behaviours/);
  });
});
