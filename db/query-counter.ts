import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts SQL statements sent through the Drizzle client, so tests can assert that a page or loader
 * runs a constant number of queries however many rows it shows.
 *
 * - `countQueries(fn)` counts the statements one piece of code runs (vitest).
 * - The process-wide total, read and reset through /api/test/queries, counts one HTTP request when a test
 *   sends its requests one at a time (Playwright).
 */
// Kept on globalThis: Next bundles route handlers and pages separately, and both must see one counter.
type Counter = { count: number; background?: boolean };
const shared = globalThis as unknown as { __coachgridQueries?: { scope: AsyncLocalStorage<Counter>; total: number } };
const state = (shared.__coachgridQueries ??= { scope: new AsyncLocalStorage(), total: 0 });
const scope = state.scope;

export function recordQuery(): void {
  const current = scope.getStore();
  if (current?.background) return;
  state.total += 1;
  if (current) current.count += 1;
}

/**
 * Starts the server's background work (mail worker, schedules, housekeeping): its statements, now and from every
 * timer it sets, belong to no request, so the process-wide total leaves them out.
 */
export function inBackground<T>(start: () => T): T {
  return scope.run({ count: 0, background: true }, start);
}

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter = { count: 0 };
  const result = await scope.run(counter, fn);
  return { result, queries: counter.count };
}

/** Returns the statements run since the last call, and starts counting afresh. */
export function takeQueryTotal(): number {
  const value = state.total;
  state.total = 0;
  return value;
}
