import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { auditHref, type AuditFilters } from "./audit-href";

/** Newer and older pages of the log, keeping the filters. A direction with no page is shown disabled. */
export function AuditPagination({
  slug,
  filters,
  page,
  hasNewer,
  hasOlder,
}: {
  slug: string;
  filters: AuditFilters;
  page: number;
  hasNewer: boolean;
  hasOlder: boolean;
}) {
  if (!hasNewer && !hasOlder) return null;
  const disabled = buttonClasses("secondary", "sm", "cursor-not-allowed opacity-50");
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between gap-4">
      {hasNewer ? (
        <Link href={auditHref(slug, filters, page - 1)} rel="prev" className={buttonClasses("secondary", "sm")}>
          <span aria-hidden="true">←</span> Newer
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          <span aria-hidden="true">←</span> Newer
        </span>
      )}
      <p className="text-sm text-slate-600">Page {page}</p>
      {hasOlder ? (
        <Link href={auditHref(slug, filters, page + 1)} rel="next" className={buttonClasses("secondary", "sm")}>
          Older <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Older <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
