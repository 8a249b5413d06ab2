import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type Filter = { q?: string; role?: string; status?: string; team?: string };

/** The members list's address for a page, keeping the filters. */
function membersHref(basePath: string, filter: Filter, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/**
 * Which people of how many the page shows, with the previous and next pages (the filters kept). Nothing while the
 * whole list fits on one page; a page past the end offers the first.
 */
export function MembersPagination({
  basePath,
  filter,
  page,
  shown,
}: {
  basePath: string;
  filter: Filter;
  page: { number: number; size: number; total: number };
  shown: number;
}) {
  if (shown === 0 && page.number > 1) {
    return (
      <p className="mt-4 text-sm text-slate-600">
        This page is past the end of the list.{" "}
        <Link href={membersHref(basePath, filter, 1)} className="font-medium text-brand-700 underline">
          Go to the first page
        </Link>
      </p>
    );
  }
  if (page.total <= page.size && page.number === 1) return null;
  const first = (page.number - 1) * page.size + 1;
  const last = first + shown - 1;
  const hasPrevious = page.number > 1;
  const hasNext = last < page.total;
  const disabled = buttonClasses("secondary", "sm", "cursor-not-allowed opacity-50");
  return (
    <nav aria-label="Member pages" className="mt-4 flex items-center justify-between gap-4">
      {hasPrevious ? (
        <Link href={membersHref(basePath, filter, page.number - 1)} rel="prev" className={buttonClasses("secondary", "sm")}>
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          <span aria-hidden="true">←</span> Previous
        </span>
      )}
      <p className="text-sm text-slate-600">
        {first.toLocaleString("en")}–{last.toLocaleString("en")} of {page.total.toLocaleString("en")}
      </p>
      {hasNext ? (
        <Link href={membersHref(basePath, filter, page.number + 1)} rel="next" className={buttonClasses("secondary", "sm")}>
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Next <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
