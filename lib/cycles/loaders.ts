import "server-only";
import { z } from "zod";
import { findFrameworkConfirmedAt } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { memberLoader } from "@/lib/chain/member";

/** The cycles page (admins): every cycle, and whether the framework still needs confirming before the first opens. */
export const loadCyclesPage = memberLoader(
  {
    route: "/o/[slug]/cycles",
    permission: "cycles.manage",
    input: z.object({}),
    expect: { allow: ["admin"] },
  },
  async ({ db, org }) => {
    const [cycles, confirmedAt] = await Promise.all([listCycles(db, org.id), findFrameworkConfirmedAt(db, org.id)]);
    const everOpened = cycles.some((c) => c.openedAt !== null);
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      cycles: cycles.map(({ id, name, status, openedAt, closedAt }) => ({ id, name, status, openedAt, closedAt })),
      current: cycles.find((c) => c.status === "open")?.name ?? null,
      /** The first cycle cannot open until an admin confirms the framework. */
      needsConfirmation: !everOpened && confirmedAt === null,
    };
  },
);
