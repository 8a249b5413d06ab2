import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { ratings, users } from "../schema";
import { executeRows } from "./execute";

/**
 * How each leader rates, in one statement: for each person who last saved leader ratings in a cycle, overall and per
 * behaviour, the count, sum, mean, standard deviation and the distribution over 1-5; and the same over every leader
 * rating of the cycle (the rows without a rater), overall and per behaviour, so a rater can be set against the rest.
 * `raterUserId` keeps one rater's rows (a leader's own view); the organisation's rows are always all the ratings.
 */
export type RaterFigureRow = {
  raterUserId: string | null;
  raterName: string | null;
  /** Null: over every behaviour. */
  behaviourId: string | null;
  count: number;
  sum: number;
  mean: number;
  sd: number | null;
  /** Ratings of 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
};

export async function listRaterFigures(db: DbOrTx, orgId: string, cycleId: string, raterUserId?: string): Promise<RaterFigureRow[]> {
  const rows = await executeRows<{
    rater: string | null;
    rater_name: string | null;
    behaviour_id: string | null;
    n: number;
    total: number;
    mean: string;
    sd: string | null;
    d1: number;
    d2: number;
    d3: number;
    d4: number;
    d5: number;
  }>(
    db,
    sql`select g.rater, u.name as rater_name, g.behaviour_id, g.n, g.total, g.mean, g.sd, g.d1, g.d2, g.d3, g.d4, g.d5
      from (
        select case when grouping(r.updated_by) = 0 then r.updated_by end as rater,
          case when grouping(r.behaviour_id) = 0 then r.behaviour_id end as behaviour_id,
          count(*)::int as n, sum(r.score)::int as total, avg(r.score) as mean, stddev_samp(r.score) as sd,
          (count(*) filter (where r.score = 1))::int as d1, (count(*) filter (where r.score = 2))::int as d2,
          (count(*) filter (where r.score = 3))::int as d3, (count(*) filter (where r.score = 4))::int as d4,
          (count(*) filter (where r.score = 5))::int as d5
        from ${ratings} r
        where r.org_id = ${orgId} and r.cycle_id = ${cycleId} and r.score is not null
        group by grouping sets ((r.updated_by), (r.updated_by, r.behaviour_id), (), (r.behaviour_id))
        ${raterUserId ? sql`having grouping(r.updated_by) = 1 or r.updated_by = ${raterUserId}` : sql``}
      ) g
      left join ${users} u on u.id = g.rater
      order by u.name nulls first, g.rater, g.behaviour_id nulls first`,
  );
  return rows.map((r) => ({
    raterUserId: r.rater,
    raterName: r.rater_name,
    behaviourId: r.behaviour_id,
    count: Number(r.n),
    sum: Number(r.total),
    mean: Number(r.mean),
    sd: r.sd === null ? null : Number(r.sd),
    distribution: [Number(r.d1), Number(r.d2), Number(r.d3), Number(r.d4), Number(r.d5)],
  }));
}
