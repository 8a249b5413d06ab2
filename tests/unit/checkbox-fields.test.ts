import { describe, expect, it } from "vitest";
import { checkboxField, optionalCheckboxField } from "@/lib/schemas/fields";

describe("checkbox fields", () => {
  it("read what a form or a caller sends, the last value winning after a hidden 'off'", () => {
    for (const [sent, ticked] of [
      ["on", true],
      [true, true],
      ["true", true],
      ["off", false],
      [false, false],
      ["false", false],
      [["off", "on"], true],
      [["off"], false],
    ] as const) {
      expect(checkboxField.parse(sent), JSON.stringify(sent)).toBe(ticked);
      expect(optionalCheckboxField.parse(sent), JSON.stringify(sent)).toBe(ticked);
    }
  });

  it("take a box left out as unticked, or as 'leave it' when optional", () => {
    expect(checkboxField.parse(undefined)).toBe(false);
    expect(optionalCheckboxField.parse(undefined)).toBeUndefined();
  });

  it("refuse anything else with a message, a huge string included", () => {
    for (const sent of ["maybe", "x".repeat(1_000_000), 1, {}, ["off", "yes"]]) {
      const result = checkboxField.safeParse(sent);
      expect(result.success, String(sent).slice(0, 20)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Tick the box or leave it empty.");
      expect(optionalCheckboxField.safeParse(sent).success).toBe(false);
    }
  });
});
