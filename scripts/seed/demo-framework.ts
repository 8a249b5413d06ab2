import type { DbOrTx } from "@/db/client";
import { insertBehaviours, setFrameworkConfirmed } from "@/db/queries/behaviours";
import { insertCycle } from "@/db/queries/cycles";
import { STARTER_BEHAVIOURS } from "@/lib/framework/starter-template";
import type { SeedContext } from "./index";

/** What this step leaves in the seed context for later steps (ratings, coaching plans, ...). */
type FrameworkSeed = {
  /** The active behaviours, in order. */
  behaviourIds: string[];
  /** "Q3 2026", closed. */
  previousCycleId: string;
  /** "Q4 2026", open: the current cycle. */
  currentCycleId: string;
};

export type SeedContextWithFramework = SeedContext & { framework?: FrameworkSeed };

/** The starter behaviours, confirmed by the admin; last quarter's closed cycle and this quarter's open one. */
export async function seedDemoFramework(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const behaviours = await insertBehaviours(db, ctx.orgId, STARTER_BEHAVIOURS);
  await setFrameworkConfirmed(db, ctx.orgId, new Date("2026-06-22T15:00:00Z"));
  const previous = await insertCycle(db, ctx.orgId, {
    name: "Q3 2026",
    status: "closed",
    openedAt: new Date("2026-07-01T14:00:00Z"),
    closedAt: new Date("2026-10-01T14:00:00Z"),
  });
  const current = await insertCycle(db, ctx.orgId, { name: "Q4 2026", status: "open", openedAt: new Date("2026-10-01T14:05:00Z") });
  (ctx as SeedContextWithFramework).framework = {
    behaviourIds: behaviours.map((b) => b.id),
    previousCycleId: previous.id,
    currentCycleId: current.id,
  };
}
