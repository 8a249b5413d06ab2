import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "./database";

const COLUMNS = sql.raw(`cycle_id, team_id, behaviour_id, score_sum, score_count, raw_blind_spots, raw_hidden_strengths,
  raw_agreed_weaknesses, raw_agreed_strengths, raw_aligned, relative_blind_spots, relative_hidden_strengths,
  relative_agreed_weaknesses, relative_agreed_strengths, relative_aligned`);

/**
 * The team_tallies rows of an organisation that differ from the same function run afresh over all of it: stored
 * rows it would not give ("stored") and rows it gives that are not stored ("fresh"). Empty when the triggers kept up.
 */
export async function differingTallies(db: Db, orgId: string) {
  const stored = sql`select ${COLUMNS} from team_tallies where org_id = ${orgId}`;
  const fresh = sql`select ${COLUMNS} from team_tally_rows(${orgId}, null, null, false)`;
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`(select 'stored' as side, * from (${stored} except all ${fresh}) s)
      union all (select 'fresh', * from (${fresh} except all ${stored}) f)`),
  );
}
