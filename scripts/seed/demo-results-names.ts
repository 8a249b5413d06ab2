/** What goes with what (by behaviour name), for the seed, the tests and the e2e spec
 * (a module of its own: the spec cannot import the seed, whose queries are server-only). */
export const DEMO_RESULTS = {
  attainment: "Quota attainment",
  winRate: "Win rate",
  drivesAttainment: "Qualifying and discovery",
  drivesWinRate: "Negotiating and closing",
  coached: ["Presenting", "Getting access to decision-makers"],
} as const;
