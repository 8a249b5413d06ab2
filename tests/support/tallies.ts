import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "./database";

const TEAM_COLUMNS = sql.raw(`cycle_id, team_id, behaviour_id, score_sum, score_count, raw_blind_spots, raw_hidden_strengths,
  raw_agreed_weaknesses, raw_agreed_strengths, raw_aligned, relative_blind_spots, relative_hidden_strengths,
  relative_agreed_weaknesses, relative_agreed_strengths, relative_aligned`);
const REP_COLUMNS = sql.raw(`cycle_id, rep_user_id, behaviour_id, team_id, score, raw_label, relative_label`);
const REP_CYCLE_COLUMNS = sql.raw(`cycle_id, rep_user_id, lowest_active, rated_active, rated`);

/**
 * The tally rows of an organisation (team_tallies, rep_tallies, then rep_cycle_tallies) that differ from the same functions run afresh
 * over all of it: stored rows they would not give ("stored") and rows they give that are not stored ("fresh").
 * Empty when the triggers kept up (migrations 0019 and 0020).
 */
export async function differingTallies(db: Db, orgId: string) {
  const diff = async (table: string, columns: ReturnType<typeof sql.raw>, fresh: ReturnType<typeof sql>) => {
    const stored = sql`select ${columns} from ${sql.raw(table)} where org_id = ${orgId}`;
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`(select 'stored' as side, * from (${stored} except all ${fresh}) s)
        union all (select 'fresh', * from (${fresh} except all ${stored}) f)`),
    );
    return rows.map((row) => ({ table, ...row }));
  };
  return [
    ...(await diff("team_tallies", TEAM_COLUMNS, sql`select ${TEAM_COLUMNS} from team_tally_rows(${orgId}, null, false)`)),
    ...(await diff("rep_tallies", REP_COLUMNS, sql`select ${REP_COLUMNS} from tally_pairs(${orgId}, null, null, false)`)),
    ...(await diff("rep_cycle_tallies", REP_CYCLE_COLUMNS, sql`select ${REP_CYCLE_COLUMNS} from rep_cycle_tally_rows(${orgId}, null, null)`)),
  ];
}
