import type { Db } from "@/db/client";
import { exportMemberUsers, exportOrganisationRow, exportTenantRows, tenantTables } from "@/db/queries/export";
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
 * Private 1:1 notes are in the export (it is the organisation's data) though no page shows them to anyone but
 * their author: each note says whether it is private or shared, and the export says so up front.
 */
export const PRIVATE_NOTES_NOTICE =
  "This export includes private 1:1 notes. In the app a private note is visible only to the leader who wrote it; here each note in one_on_one_notes is marked \"visibility\": \"private\" or \"shared\". Handle this file accordingly.";

function markNotes(rows: Record<string, unknown>[] | undefined) {
  return (rows ?? []).map((row) => ({ ...row, visibility: row.shared === true ? "shared" : "private" }));
}

/**
 * Everything the organisation owns, as one JSON document: its row, every tenant table's rows (each query
 * filtered by the organisation), and the people who are members. Secrets' hashes are never included.
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
      tables.one_on_one_notes = markNotes(tables.one_on_one_notes);
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), organisation, notices: [PRIVATE_NOTES_NOTICE], tables };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** `<slug>-export-<yyyy-mm-dd>.json`, dated in the organisation's time zone. */
export function exportFileName(slug: string, timeZone: string, now = new Date()): string {
  return `${slug}-export-${dateInZone(now, timeZone)}.json`;
}
