import { z } from "zod";
import type { Db } from "@/db/client";
import { memberLoader } from "@/lib/chain/member";
import { buildOrganisationExport, exportFileName } from "./organisation-export";

/**
 * The data export behind GET /o/{slug}/export (a route handler, not a page): admins download everything
 * the organisation owns as one JSON file.
 */
export const loadOrganisationExport = memberLoader(
  {
    route: "/o/[slug]/export",
    permission: "org.audit",
    audit: { action: "organisation.export", targetType: "organisation" },
    input: z.object({}),
    expect: { allow: ["admin"], input: () => ({}) },
  },
  async ({ db, org }) => {
    const now = new Date();
    // Loaders get the database itself (only actions run in a transaction); the export opens its own snapshot.
    const data = await buildOrganisationExport(db as Db, org.id, now);
    return { fileName: exportFileName(org.slug, org.timeZone, now), data };
  },
);
