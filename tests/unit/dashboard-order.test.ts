import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParticipationTable } from "@/components/dashboards/participation-table";
import { TeamHeatmap } from "@/components/dashboards/team-heatmap";
import { expandedTablesInput, toggledHref } from "@/lib/dashboards/expanded-tables";
import { buildHeatmap, furthestBehindFirst, heatmapTable } from "@/lib/dashboards/figures";

describe("the overview's tables open on the teams that need attention", () => {
  it("heatmapTable: teams weakest first by overall average, unrated teams last in their given order, cells aligned", () => {
    const teams = ["Alpha", "Bravo", "Charlie", "Delta"].map((name) => ({ id: name.toLowerCase(), name }));
    const behaviours = [
      { id: "b1", name: "Prospecting" },
      { id: "b2", name: "Closing" },
    ];
    const cell = (teamId: string | null, behaviourId: string | null, average: number, count = 2) => ({
      cycleId: "now",
      teamId,
      behaviourId,
      average,
      count,
    });
    const heatmap = buildHeatmap(
      [
        cell("alpha", null, 3.5),
        cell("alpha", "b1", 4),
        cell("alpha", "b2", 3),
        cell("charlie", null, 2.1),
        cell("charlie", "b2", 2.1),
        cell(null, null, 3),
      ],
      { cycleId: "now", previousCycleId: null, teams, behaviours },
    );
    const table = heatmapTable(heatmap);
    expect(table.teams.map((t) => t.name)).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    expect(table.teams[1]!.cells).toEqual([
      { average: 4, count: 2 },
      { average: 3, count: 2 },
    ]);
    expect(table.teams[0]!.cells).toEqual([null, { average: 2.1, count: 2 }]);
    // Only what the table shows travels to the browser.
    expect(Object.keys(table.teams[0]!).sort()).toEqual(["cells", "change", "figure", "id", "name"]);
    expect(Object.keys(table.behaviours[0]!).sort()).toEqual(["figure", "id", "name"]);
  });

  it("buildHeatmap of the weakest teams read: those rated, then the unrated in the order given, up to as many as were read", () => {
    const teams = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"].map((name) => ({ id: name.toLowerCase(), name }));
    const behaviours = [{ id: "b1", name: "Prospecting" }];
    const cell = (cycleId: string, teamId: string | null, average: number) => ({ cycleId, teamId, behaviourId: null, average, count: 1 });
    const input = { cycleId: "now", previousCycleId: "before", teams, behaviours };
    // Delta rated only before: unrated now, so among the teams filled in by name.
    const two = [cell("now", "charlie", 2), cell("now", "echo", 3), cell("before", "charlie", 1), cell("before", "delta", 4)];
    const fewer = buildHeatmap(two, { ...input, weakestTeams: 4 });
    expect(fewer.teams.map((t) => t.name)).toEqual(["Charlie", "Echo", "Alpha", "Bravo"]);
    expect(fewer.teamCount).toBe(5);
    expect(heatmapTable(fewer).teams.map((t) => [t.name, t.figure?.average ?? null, t.change])).toEqual([
      ["Charlie", 2, 1],
      ["Echo", 3, null],
      ["Alpha", null, null],
      ["Bravo", null, null],
    ]);
    expect(buildHeatmap(two, { ...input, weakestTeams: 2 }).teams.map((t) => t.name)).toEqual(["Charlie", "Echo"]);
    expect(buildHeatmap(two, input).teams.map((t) => t.name)).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
  });

  it("furthestBehindFirst: by the share of self-assessments and leader ratings done, teams without reps last", () => {
    const team = (teamName: string, reps: number, selfSubmitted: number, leaderComplete: number) => ({
      teamId: teamName,
      teamName,
      reps,
      selfSubmitted,
      leaderComplete,
    });
    const order = furthestBehindFirst([
      team("Done", 4, 4, 4),
      team("Empty", 0, 0, 0),
      team("Half", 4, 4, 0),
      team("Quarter", 4, 1, 1),
      team("Also half", 2, 0, 2),
    ]);
    expect(order.map((t) => t.teamName)).toEqual(["Quarter", "Half", "Also half", "Done", "Empty"]);
  });
});

describe("a long table opens on its first ten teams", () => {
  const teams = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      teamId: `t${i}`,
      teamName: `Team ${String(i + 1).padStart(2, "0")}`,
      reps: 5,
      selfSubmitted: 3,
      leaderComplete: 5,
    }));
  const render = (n: number, all = false) =>
    renderToStaticMarkup(
      createElement(ParticipationTable, {
        teams: teams(n),
        total: { reps: 5 * n, selfSubmitted: 3 * n, leaderComplete: 5 * n },
        caption: "Participation",
        all,
        toggleHref: "/o/acme?participation=all#participation",
      }),
    );
  const rows = (html: string) => (html.match(/<th scope="row"/g) ?? []).length - 1; // less the total's

  it("cuts a list of 50 to 10 rows, leaves the rest out of the page and links to them", () => {
    const html = render(50);
    expect(rows(html)).toBe(10);
    expect(html).toContain("Team 10");
    expect(html).not.toContain("Team 11");
    expect(html).toMatch(/<a [^>]*href="\/o\/acme\?participation=all#participation"[^>]*>Show all 50 teams<\/a>/);
  });

  it("shows all 50 when asked, with the way back to the first 10", () => {
    const html = render(50, true);
    expect(rows(html)).toBe(50);
    expect(html).toContain("Team 50");
    expect(html).toMatch(/<a [^>]*>Show the 10 furthest behind only<\/a>/);
  });

  it("shows a list that is only a little longer whole, without the link", () => {
    const html = render(12);
    expect(rows(html)).toBe(12);
    expect(html).not.toContain("<a ");
  });

  it("offers every team of a heatmap read cut, though only its weakest teams were read", () => {
    const heatmap = {
      behaviours: [{ id: "b1", name: "Prospecting", figure: null }],
      teams: Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, name: `Team ${i + 1}`, figure: null, change: null, cells: [null] })),
      teamCount: 559,
      overall: { figure: null, change: null },
    };
    const html = renderToStaticMarkup(
      createElement(TeamHeatmap, { heatmap, caption: "Heatmap", since: null, all: false, toggleHref: "/o/acme?heatmap=all#heatmap" }),
    );
    expect(rows(html)).toBe(10);
    expect(html).not.toContain("Team 11");
    expect(html).toMatch(/<a [^>]*href="\/o\/acme\?heatmap=all#heatmap"[^>]*>Show all 559 teams<\/a>/);
  });

  it("keeps the other table as it is when one is toggled", () => {
    expect(toggledHref("acme", { participation: false, heatmap: false }, "heatmap")).toBe("/o/acme?heatmap=all#heatmap");
    expect(toggledHref("acme", { participation: true, heatmap: false }, "heatmap")).toBe("/o/acme?participation=all&heatmap=all#heatmap");
    expect(toggledHref("acme", { participation: true, heatmap: true }, "participation")).toBe("/o/acme?heatmap=all#participation");
    expect(toggledHref("acme", { participation: true, heatmap: false }, "participation")).toBe("/o/acme#participation");
    expect(expandedTablesInput.parse({ heatmap: "all", participation: ["all"], team: "x" })).toEqual({ heatmap: true, participation: false });
  });
});
