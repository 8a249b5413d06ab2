import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A link to a rep's printable report. Never prefetched: the report's title comes from its `generateMetadata`, which
 * loads the report, and prefetching a link resolves the route's metadata, so every page showing the link would run
 * the report's statements whether or not anyone follows it.
 */
export function ReportLink({
  slug,
  repId,
  cycleId,
  className,
  children,
}: {
  slug: string;
  repId: string;
  cycleId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link href={`/o/${slug}/reps/${repId}/report${cycleId ? `?cycle=${cycleId}` : ""}`} prefetch={false} className={className}>
      {children}
    </Link>
  );
}
