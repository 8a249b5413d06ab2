import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { isServerActionModule, sourceFiles } from "../support/source-files";

const exported = (file: string) => [...fs.readFileSync(file, "utf8").matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)].map((m) => m[1]!);

/**
 * A query is named for what it does to the database (updateTeamName, markCheckInRevoked, setRelationshipActionDone),
 * an action for what the person does (renameTeam, revokeCheckIn, setActionDone): an action never has to import a
 * query under another name.
 */
describe("server actions and queries", () => {
  it("never share a name", () => {
    const queries = new Set(sourceFiles("db/queries", /\.ts$/).flatMap(exported));
    const actions = sourceFiles("lib", /\.tsx?$/)
      .filter(isServerActionModule)
      .flatMap(exported);
    expect(actions.length).toBeGreaterThan(50);
    expect(actions.filter((name) => queries.has(name))).toEqual([]);
  });
});
