import { liveEnv } from "@/lib/env";
import type { MemberContext } from "./member";

/**
 * Page loader results kept in memory per organisation and data revision (db/schema orgRevisions: the database
 * moves an organisation's revision on every change to its data). A loader that opts in (memberLoader's
 * `cachePerRevision`) computes its result once per revision, member and input; the next request that reads the
 * same revision gets the same result without a query. Any change, made through any app instance, moves the
 * revision, so the next request computes afresh: nothing is ever served stale, and instances share nothing.
 *
 * The result is shared between requests, so it must not be mutated (frozen outside production to catch it).
 * `COACHGRID_REVISION_CACHE=off` turns the cache off (the benchmark measures both ways);
 * `COACHGRID_REVISION_CACHE_MB` sets its size (default 64).
 */

type Entry = { result: Promise<unknown>; size: number };
type Bucket = { revision: number; entries: Map<string, Entry>; size: number };
/** Per organisation, least recently used first (Maps iterate in insertion order); so are a bucket's entries. */
const buckets = new Map<string, Bucket>();
let total = 0;

const revisionCacheEnabled = liveEnv.revisionCacheOn;

/** The budget, in characters of the results' JSON: a settled result is sized once, by its JSON length. */
function budget(): number {
  const megabytes = liveEnv.revisionCacheMegabytes();
  return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 64) * 1024 * 1024;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Moves a key to the most recently used end of a Map. */
function touch<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  map.set(key, value);
}

function forget(orgId: string, bucket: Bucket, key: string) {
  const entry = bucket.entries.get(key);
  if (!entry) return;
  bucket.entries.delete(key);
  bucket.size -= entry.size;
  total -= entry.size;
  if (bucket.entries.size === 0 && buckets.get(orgId) === bucket) buckets.delete(orgId);
}

/** Drops least recently used results, those of the least recently used organisation first, until the cache fits. */
function fit() {
  const max = budget();
  for (const [orgId, bucket] of buckets) {
    for (const key of bucket.entries.keys()) {
      if (total <= max) return;
      forget(orgId, bucket, key);
    }
  }
}

/** A new revision replaces the organisation's results. */
function bucketFor(orgId: string, revision: number): Bucket {
  const current = buckets.get(orgId);
  if (current && current.revision === revision) {
    touch(buckets, orgId, current);
    return current;
  }
  if (current) total -= current.size;
  const bucket: Bucket = { revision, entries: new Map(), size: 0 };
  touch(buckets, orgId, bucket);
  return bucket;
}

/**
 * `compute()`'s result for this loader, member and input at the organisation's revision as the request read it.
 * A request that read an older revision than one already seen (it raced a change) computes without caching.
 */
export function perRevision<R>(
  loader: string,
  { org, member }: Pick<MemberContext, "org" | "member">,
  input: unknown,
  compute: () => Promise<R>,
): Promise<R> {
  if (!revisionCacheEnabled()) return compute();
  const seen = buckets.get(org.id);
  if (seen && org.revision < seen.revision) return compute();
  const bucket = bucketFor(org.id, org.revision);

  const key = JSON.stringify([loader, member, input]);
  const cached = bucket.entries.get(key);
  if (cached) {
    touch(bucket.entries, key, cached);
    return cached.result as Promise<R>;
  }
  const entry: Entry = { result: compute().then((value) => (liveEnv.production() ? value : deepFreeze(value))), size: 0 };
  touch(bucket.entries, key, entry);
  const current = () => buckets.get(org.id) === bucket && bucket.entries.get(key) === entry;
  entry.result.then(
    (value) => {
      if (!current()) return;
      entry.size = JSON.stringify(value)?.length ?? 0;
      bucket.size += entry.size;
      total += entry.size;
      fit();
    },
    // A failed computation is not kept: the next request tries again.
    () => {
      if (current()) forget(org.id, bucket, key);
    },
  );
  return entry.result as Promise<R>;
}
