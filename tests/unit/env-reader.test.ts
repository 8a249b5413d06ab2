import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/source-files";

/** The environment is read and validated in one place (lib/env.ts); the app's code asks it, never process.env. */
describe("the environment", () => {
  it("is read only by lib/env.ts in the app's code (app/, components/, lib/, db/, the proxy)", () => {
    const readers = [...["app", "components", "lib", "db"].flatMap((dir) => sourceFiles(dir, /\.tsx?$/)), path.resolve("proxy.ts")]
      .map((file) => path.relative(process.cwd(), file))
      .filter((file) => file !== "lib/env.ts" && !file.startsWith("db/migrations/"))
      .filter((file) => /\bprocess\s*\.\s*env\b/.test(fs.readFileSync(file, "utf8")));
    expect(readers).toEqual([]);
  });
});
