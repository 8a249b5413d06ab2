/** Hiding a row or two saves nothing and reads oddly: a list is cut only when more than this many would be hidden. */
const WORTH_HIDING = 2;

/**
 * The first `limit` rows of a long list unless `all` is asked for: a 500-team organisation's tables open on the
 * rows that matter most (the caller sorts them). `cut`: whether the list is long enough to offer the rest. `total`:
 * the whole list's length, when the caller read only its first rowsToRead(limit) rows.
 */
export function firstRows<T>(rows: readonly T[], limit: number, all: boolean, total = rows.length) {
  const cut = total - limit > WORTH_HIDING;
  return { shown: cut && !all ? rows.slice(0, limit) : rows, cut };
}

/** How many of a sorted list's first rows a reader needs for firstRows to show what it would of the whole list. */
export function rowsToRead(limit: number) {
  return limit + WORTH_HIDING;
}
