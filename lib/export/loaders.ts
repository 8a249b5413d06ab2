import "server-only";
import { z } from "zod";
import { memberLoader } from "@/lib/chain/member";
import { exportFileName, organisationExportStream } from "./organisation-export";

/**
 * The data export behind GET /o/{slug}/export (a route handler, not a page): admins download everything the
 * organisation owns as one JSON file. The chain records the export in the audit log and commits; the file is then
 * read in a transaction of its own while it downloads (organisationExportStream), starting when the response is read.
 */
export const loadOrganisationExport = memberLoader(
  {
    route: "/o/[slug]/export",
    permission: "org.audit",
    audit: { action: "organisation.export", targetType: "organisation" },
    input: z.object({}),
    expect: { allow: ["admin"] },
  },
  async ({ org, user }) => {
    const now = new Date();
    return { fileName: exportFileName(org.slug, org.timeZone, now), stream: organisationExportStream({ orgId: org.id, userId: user.id }, { now }) };
  },
);
