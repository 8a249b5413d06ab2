/** Which cycle came before which: cycles are ordered by the day they opened. */
type OpenedCycle = { id: string; openedAt: Date | null };

/** The cycle before `cycle` by opened date (a draft cycle, never opened, compares after every opened one). */
export function previousCycle<C extends OpenedCycle>(cycles: readonly C[], cycle: OpenedCycle): C | undefined {
  return cycles
    .filter((c) => c.id !== cycle.id && c.openedAt && (!cycle.openedAt || c.openedAt < cycle.openedAt))
    .sort((a, b) => b.openedAt!.getTime() - a.openedAt!.getTime())[0];
}

/**
 * The cycles a page of results offers (every one but drafts) and the one it shows: the chosen one, else the open
 * one, else the first listed (the one that opened last). `chosen` naming no such cycle gives `missing`: the page
 * answers 404.
 */
export function shownCycle<C extends { id: string; status: string }>(cycles: readonly C[], chosen: string | undefined) {
  const rated = cycles.filter((c) => c.status !== "draft");
  const cycle = (chosen ? rated.find((c) => c.id === chosen) : (rated.find((c) => c.status === "open") ?? rated[0])) ?? null;
  return { rated, cycle, missing: Boolean(chosen) && !cycle };
}
