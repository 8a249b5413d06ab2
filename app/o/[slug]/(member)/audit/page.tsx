import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilterForm } from "@/components/audit/audit-filters";
import { auditHref } from "@/components/audit/audit-href";
import { AuditNotices } from "@/components/audit/audit-notices";
import { AuditPagination } from "@/components/audit/audit-pagination";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadAuditLog } from "@/lib/audit/loaders";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const log = await loadAuditLog(slug, await searchParams);
  const zone = log.org.timeZone.replaceAll("_", " ");

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what, newest first. Times are in ${zone} time.`}
        actions={
          // A file download, not a page: a plain link.
          <a href={`/o/${log.org.slug}/export`} download className={buttonClasses("secondary")}>
            Export all data (JSON)
          </a>
        }
      />
      <AuditFilterForm
        slug={log.org.slug}
        timeZone={log.org.timeZone}
        filters={log.filters}
        filtered={log.filtered}
        actors={log.options.actors}
        actions={log.options.actions}
      />
      <AuditNotices notices={log.notices} />
      {log.events.length > 0 ? (
        <AuditTable
          entries={log.events}
          timeZone={log.org.timeZone}
          caption={`Audit log of ${log.org.name}${log.filtered ? ", filtered" : ""}, page ${log.page}, newest first`}
        />
      ) : log.page > 1 ? (
        <EmptyState
          title="No entries on this page"
          action={
            <Link href={auditHref(log.org.slug, log.filters)} className={buttonClasses("secondary", "sm")}>
              Go to the newest entries
            </Link>
          }
        >
          The log has fewer pages than that.
        </EmptyState>
      ) : log.filtered ? (
        <EmptyState
          title="No entries match these filters"
          action={
            <Link href={auditHref(log.org.slug, {})} className={buttonClasses("secondary", "sm")}>
              Clear filters
            </Link>
          }
        >
          Try another person or action, or a wider date range.
        </EmptyState>
      ) : (
        <EmptyState title="Nothing recorded yet">Changes to settings, teams, members and invite links will appear here.</EmptyState>
      )}
      <AuditPagination slug={log.org.slug} filters={log.filters} page={log.page} hasNewer={log.hasNewer} hasOlder={log.hasOlder} />
    </>
  );
}
