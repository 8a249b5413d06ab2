import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INT4, intField } from "@/lib/schemas/fields";
import { sourceFiles } from "../support/source-files";

/**
 * Every integer input lands in a PostgreSQL `integer` column or is compared with one: a value past 2^31 - 1 made
 * the database throw (a 500) instead of the input being refused. So every integer field is an `intField`, which
 * never reaches beyond that range.
 */
describe("integer inputs", () => {
  it("are all intField: no other number schema in lib/ (outside the environment's own settings)", () => {
    const others = sourceFiles("lib", /\.tsx?$/)
      .map((file) => path.relative(process.cwd(), file))
      .filter((file) => file !== "lib/schemas/fields.ts" && file !== "lib/env.ts")
      .filter((file) => /\bz\s*\.\s*(?:coerce\s*\.\s*)?(?:number|int|int32|bigint)\s*\(/.test(fs.readFileSync(file, "utf8")));
    expect(others).toEqual([]);
  });

  it("refuse what PostgreSQL's integer cannot hold, from a call or a form", () => {
    const unbounded = intField("Not a valid number.", 0);
    for (const value of [INT4.max + 1, 2 ** 32, Number.MAX_SAFE_INTEGER, "2147483648", 1e308, -1, "1.5", NaN, Infinity, "", "x", null]) {
      expect(unbounded.safeParse(value).success, String(value)).toBe(false);
    }
    expect(unbounded.safeParse(INT4.max).data).toBe(INT4.max);
    expect(unbounded.safeParse("42").data).toBe(42);
  });

  it("cannot be declared wider than PostgreSQL's integer", () => {
    expect(() => intField("x", 0, 2 ** 31)).toThrow(/PostgreSQL/);
    expect(() => intField("x", -(2 ** 31) - 1)).toThrow(/PostgreSQL/);
  });
});
