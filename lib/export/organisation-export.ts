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
  /** Every tenant table of the schema by its database name, plus `users`: the members' names and emails. */
  tables: Record<string, Record<string, unknown>[]>;
};

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
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), organisation, tables };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** `<slug>-export-<yyyy-mm-dd>.json`, dated in the organisation's time zone. */
export function exportFileName(slug: string, timeZone: string, now = new Date()): string {
  return `${slug}-export-${dateInZone(now, timeZone)}.json`;
}
