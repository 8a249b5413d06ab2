"use server";

import "server-only";
import { findRating, findRatingContext, saveRating } from "@/db/queries/grid";
import type { DbOrTx } from "@/db/client";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { rateSchema } from "@/lib/schemas/grid";

type RateInput = { cycleId: string; repUserId: string; behaviourId: string };
type RatingContext = Awaited<ReturnType<typeof findRatingContext>>;

/**
 * The save's context (rep, cycle, behaviour) is read once per call: by the permission check when the role needs a
 * target (a leader: does this rep belong to a team they lead?), and reused by the save. Keyed by the validated
 * input object, which the chain hands to both; read committed gives the save no firmer view of it either way.
 */
const contexts = new WeakMap<object, Promise<RatingContext>>();
function ratingContext(db: DbOrTx, orgId: string, input: RateInput): Promise<RatingContext> {
  let found = contexts.get(input);
  if (!found) {
    found = findRatingContext(db, orgId, input);
    contexts.set(input, found);
  }
  return found;
}

/**
 * Saves one leader rating. The editor sends the version it saw; if someone saved the cell since, nothing is
 * written and the conflict carries the newer value. Returns the new version; the grid moves the averages the save
 * changed by the change itself (withSaved, lib/grid/compact.ts). Queries: session, membership, the save's context
 * (rep, cycle, behaviour; it also answers the permission's question about the rep), the write, the audit event.
 */
export const rateRep = memberAction(
  {
    name: "grid.rate",
    permission: "rep.coach",
    input: rateSchema,
    revalidate: false,
    target: async (input, { db, org }) => {
      const rep = (await ratingContext(db, org.id, input))?.rep;
      return { repUserId: input.repUserId, repTeamId: rep?.role === "rep" ? rep.teamId : null };
    },
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, user, audit }, input) => {
    const found = await ratingContext(db, org.id, input);
    const { cycle, behaviour, rep } = found ?? {};
    if (!cycle || !behaviour || !rep || rep.role !== "rep" || rep.status !== "active") throw new Refusal("not_found");
    if (cycle.status !== "open") {
      throw new Refusal(
        "conflict",
        cycle.status === "closed" ? `${cycle.name} is closed: its ratings are read-only.` : `${cycle.name} is not open yet.`,
      );
    }
    if (behaviour.archivedAt) throw new Refusal("conflict", `${behaviour.name} is archived and can no longer be rated.`);

    const cell = { cycleId: cycle.id, repUserId: rep.userId, behaviourId: behaviour.id };
    const saved = await saveRating(db, org.id, cell, input.score, input.expectedVersion, user.id);
    if (!saved) {
      const current = await findRating(db, org.id, cycle.id, rep.userId, behaviour.id);
      const shown = current?.score ?? "empty";
      throw new Refusal("conflict", `Someone else just set ${rep.name} · ${behaviour.name} to ${shown}. The grid now shows their value.`, undefined, {
        current: { score: current?.score ?? null, version: current?.version ?? 0 },
      });
    }
    await audit({
      targetType: "rating",
      targetId: `${cycle.id}:${rep.userId}:${behaviour.id}`,
      targetLabel: `${rep.name} · ${behaviour.name} · ${cycle.name}`,
      before: { score: saved.before },
      after: { score: input.score },
    });
    return { version: saved.version, score: input.score };
  },
);
