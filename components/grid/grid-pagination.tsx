import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * The grid's pages of reps (an organisation's all-teams grid has thousands): which reps of how many, the previous
 * and next pages, the team, cycle and view kept. Nothing while everyone fits on one page.
 */
export function GridPagination({
  slug,
  query,
  page,
  shown,
}: {
  slug: string;
  /** The grid's other parameters (team, cycle, view). */
  query: Record<string, string>;
  page: { number: number; size: number; total: number };
  shown: number;
}) {
  if (page.total <= page.size) return null;
  const href = (number: number) => `/o/${slug}/grid?${new URLSearchParams({ ...query, ...(number > 1 && { page: String(number) }) })}`;
  const first = (page.number - 1) * page.size + 1;
  const last = first + shown - 1;
  const disabled = buttonClasses("secondary", "sm", "cursor-not-allowed opacity-50");
  return (
    <nav aria-label="Pages of reps" className="mb-3 flex items-center justify-between gap-4 print:hidden">
      {page.number > 1 ? (
        <Link href={href(page.number - 1)} rel="prev" className={buttonClasses("secondary", "sm")}>
          <span aria-hidden="true">←</span> Previous reps
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          <span aria-hidden="true">←</span> Previous reps
        </span>
      )}
      <p className="text-sm text-slate-600">
        Reps {first.toLocaleString("en")}–{last.toLocaleString("en")} of {page.total.toLocaleString("en")}, by name; team and organisation figures
        cover everyone
      </p>
      {last < page.total ? (
        <Link href={href(page.number + 1)} rel="next" className={buttonClasses("secondary", "sm")}>
          Next reps <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Next reps <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
