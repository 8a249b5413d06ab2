/** Hiding a row or two saves nothing and reads oddly: a list is cut only when more than this many would be hidden. */
const WORTH_HIDING = 2;

/**
 * The first `limit` rows of a long list unless `all` is asked for: a 500-team organisation's tables open on the
 * rows that matter most (the caller sorts them). `cut`: whether the list is long enough to offer the rest.
 */
export function firstRows<T>(rows: readonly T[], limit: number, all: boolean) {
  const cut = rows.length - limit > WORTH_HIDING;
  return { shown: cut && !all ? rows.slice(0, limit) : rows, cut };
}

/** The look of the "Show all" / "Show the first only" toggle under a cut list, a button or a link. */
export const showAllClass = "mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline";
