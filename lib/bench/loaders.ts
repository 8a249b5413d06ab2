import "server-only";
import { z } from "zod";
import { selectOne } from "@/db/queries/bench";
import { benchServed } from "@/lib/bench/served";
import { memberLoader } from "@/lib/chain/member";

/**
 * The trivial page `npm run bench` compares real pages with: the same member layout, session handling and
 * chain as every organisation page, and one `SELECT 1`. A 404 except on the benchmark's own server (lib/bench/served.ts).
 */
export const loadTrivialPage = memberLoader(
  {
    route: "/o/[slug]/bench",
    permission: "org.view",
    input: z.object({}),
    served: benchServed,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] },
  },
  async ({ db, org }) => ({ orgName: org.name, slug: org.slug, databaseAnswered: (await selectOne(db)) === 1 }),
);
