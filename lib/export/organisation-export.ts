import type { Db } from "@/db/client";
import { exportMemberUsers, exportOrganisationRow, exportTenantRows, tenantTables } from "@/db/queries/export";
import { coachSeesSelf } from "@/lib/assessments/visibility";
import { dateInZone } from "@/lib/time-zone";

export const EXPORT_FORMAT = "coachgrid-export";
export const EXPORT_VERSION = 1;

export type OrganisationExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  organisation: Record<string, unknown>;
  /** What the reader must know about the contents (private notes included). */
  notices: string[];
  /** Every tenant table of the schema by its database name, plus `users`: the members' names and emails. */
  tables: Record<string, Record<string, unknown>[]>;
};

/**
 * The export is for the organisation's admins, so it holds only what an admin may read in the app: a private 1:1
 * note keeps its row (who, when, which rep) without its text, which only its author reads; a self rating that blind
 * mode still hides from coaches (the rep has not submitted) keeps its row and dates without score or comment.
 */
export const WITHHELD_NOTICE =
  "This export holds what an admin can read in the app. Private 1:1 notes are listed (\"visibility\": \"private\") without their text, which only their author reads. Self ratings of a self-assessment the rep has not submitted yet are listed without score or comment while blind mode is on (\"withheld\": true).";

const WITHHELD = { withheld: true } as const;

function withholdPrivateNotes(rows: Record<string, unknown>[] | undefined) {
  return (rows ?? []).map((row) => (row.shared === true ? { ...row, visibility: "shared" } : { ...row, body: null, visibility: "private", ...WITHHELD }));
}

/** Self ratings the coach may not see yet (lib/assessments/visibility.ts) lose their score and comment. */
function withholdDraftSelfRatings(rows: Record<string, unknown>[] | undefined, assessments: Record<string, unknown>[] | undefined, blindMode: boolean) {
  const submitted = new Set((assessments ?? []).filter((a) => a.submitted_at).map((a) => `${String(a.cycle_id)}/${String(a.rep_user_id)}`));
  return (rows ?? []).map((row) => {
    const state = { submittedAt: submitted.has(`${String(row.cycle_id)}/${String(row.rep_user_id)}`) ? new Date(0) : null, sharedAt: null };
    return coachSeesSelf(blindMode, state) ? row : { ...row, score: null, comment: null, ...WITHHELD };
  });
}

/**
 * Everything the organisation owns, as one JSON document: its row, every tenant table's rows (each query
 * filtered by the organisation), and the people who are members. Secrets' hashes are never included, nor what an
 * admin may not read (WITHHELD_NOTICE).
 * Read in one read-only, repeatable-read transaction, so the tables agree with each other.
 */
export async function buildOrganisationExport(db: Db, orgId: string, now = new Date()): Promise<OrganisationExport> {
  return db.transaction(
    async (tx) => {
      const organisation = await exportOrganisationRow(tx, orgId);
      if (!organisation) throw new Error(`No organisation ${orgId} to export`);
      const tables: OrganisationExport["tables"] = {};
      for (const table of tenantTables()) tables[table.name] = await exportTenantRows(tx, orgId, table);
      tables.users = await exportMemberUsers(tx, orgId);
      tables.one_on_one_notes = withholdPrivateNotes(tables.one_on_one_notes);
      tables.self_ratings = withholdDraftSelfRatings(tables.self_ratings, tables.assessments, organisation.blind_mode === true);
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), organisation, notices: [WITHHELD_NOTICE], tables };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** `<slug>-export-<yyyy-mm-dd>.json`, dated in the organisation's time zone. */
export function exportFileName(slug: string, timeZone: string, now = new Date()): string {
  return `${slug}-export-${dateInZone(now, timeZone)}.json`;
}
