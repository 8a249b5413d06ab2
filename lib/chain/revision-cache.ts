import type { MemberContext } from "./member";

/**
 * Page loader results kept in memory per organisation and data revision (db/schema orgRevisions: the database
 * moves an organisation's revision on every change to its data). A loader that opts in (memberLoader's
 * `cachePerRevision`) computes its result once per revision, member and input; the next request that reads the
 * same revision gets the same result without a query. Any change, made through any app instance, moves the
 * revision, so the next request computes afresh: nothing is ever served stale, and instances share nothing.
 *
 * The result is shared between requests, so it must not be mutated (frozen outside production to catch it).
 * `COACHGRID_REVISION_CACHE=off` turns the cache off (the benchmark measures both ways).
 */

/** Organisations kept, least recently used first out. */
const MAX_ORGANISATIONS = 50;
/** Results kept per organisation (members x loaders x inputs), least recently used first out. */
const MAX_RESULTS_PER_ORGANISATION = 100;

type Bucket = { revision: number; results: Map<string, Promise<unknown>> };
const buckets = new Map<string, Bucket>();

export const revisionCacheEnabled = () => process.env.COACHGRID_REVISION_CACHE !== "off";

/** Moves a key to the most recently used end of a Map (Maps iterate in insertion order) and trims the other end. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * `compute()`'s result for this loader, member and input at the organisation's revision as the request read it.
 * A request that read an older revision than one already seen (it raced a change) computes without caching.
 */
export function perRevision<R>(loader: string, { org, member }: Pick<MemberContext, "org" | "member">, input: unknown, compute: () => Promise<R>): Promise<R> {
  if (!revisionCacheEnabled()) return compute();
  let bucket = buckets.get(org.id);
  if (bucket && org.revision < bucket.revision) return compute();
  if (!bucket || org.revision > bucket.revision) bucket = { revision: org.revision, results: new Map() };
  touch(buckets, org.id, bucket, MAX_ORGANISATIONS);

  const key = JSON.stringify([loader, member, input]);
  const cached = bucket.results.get(key) as Promise<R> | undefined;
  const result = cached ?? compute().then((value) => (process.env.NODE_ENV === "production" ? value : deepFreeze(value)));
  touch(bucket.results, key, result, MAX_RESULTS_PER_ORGANISATION);
  if (!cached) {
    const results = bucket.results;
    // A failed computation is not kept: the next request tries again.
    result.catch(() => {
      if (results.get(key) === result) results.delete(key);
    });
  }
  return result;
}
