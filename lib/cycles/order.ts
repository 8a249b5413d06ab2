/** Which cycle came before which: cycles are ordered by the day they opened. */
type OpenedCycle = { id: string; openedAt: Date | null };

/** The cycle before `cycle` by opened date (a draft cycle, never opened, compares after every opened one). */
export function previousCycle<C extends OpenedCycle>(cycles: readonly C[], cycle: OpenedCycle): C | undefined {
  return cycles
    .filter((c) => c.id !== cycle.id && c.openedAt && (!cycle.openedAt || c.openedAt < cycle.openedAt))
    .sort((a, b) => b.openedAt!.getTime() - a.openedAt!.getTime())[0];
}
