import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isServerActionModule, sourceFiles } from "../support/source-files";

/**
 * `import "server-only"` makes `next build` fail when a client component imports the module (checked by hand: a
 * "use client" file importing db/query-counter.ts stops the build with "'server-only' cannot be imported from a Client
 * Component module"). This keeps the marker on every module that must never reach a browser bundle.
 */
const relative = (file: string) => path.relative(process.cwd(), file);
const startsServerOnly = (file: string) => /^(?:["']use server["'];\s*)?import "server-only";\n/.test(fs.readFileSync(file, "utf8"));
const CHAIN_ENTRY = /\b(?:memberAction|memberLoader|publicAction|publicRoute|accountAction|accountLoader|tokenAction|tokenLoader)\(/;

describe('import "server-only"', () => {
  it("starts every module of db/ but its schema", () => {
    const modules = sourceFiles("db", /\.ts$/).filter((file) => !relative(file).startsWith(path.join("db", "schema")));
    expect(modules.length).toBeGreaterThan(30);
    expect(modules.filter((file) => !startsServerOnly(file)).map(relative)).toEqual([]);
  });

  it("is not in the schema, which drizzle-kit loads outside Next", () => {
    const schema = sourceFiles("db/schema", /\.ts$/);
    expect(schema.length).toBeGreaterThan(0);
    expect(schema.filter(startsServerOnly).map(relative)).toEqual([]);
  });

  it("starts every module of lib/ that defines a chain entry (actions, loaders, route handlers' work)", () => {
    const modules = sourceFiles("lib", /\.tsx?$/).filter(
      (file) =>
        !relative(file).startsWith(path.join("lib", "chain")) && (isServerActionModule(file) || CHAIN_ENTRY.test(fs.readFileSync(file, "utf8"))),
    );
    expect(modules.length).toBeGreaterThan(40);
    expect(modules.filter((file) => !startsServerOnly(file)).map(relative)).toEqual([]);
  });
});
