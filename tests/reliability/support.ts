import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openEmbedded, openServer, type DatabaseHandle, type Db } from "@/db/client";
import { findPgbouncer } from "@/scripts/pgbouncer";
import { findPostgresBinaries, startCluster, type Cluster } from "@/scripts/postgres-cluster";
import { actionId, callAction } from "@/scripts/bench/app";
import { seedDemo } from "@/scripts/seed";

export const CI = ["1", "true"].includes(String(process.env.CI).toLowerCase());
export const SECRET = "reliability-tests-shared-secret-0123456789";
export const PASSWORD = "coachgrid-demo";
export const DANA = "dana@brightwater.example";
export const MARCUS = "marcus@brightwater.example";
export const SLUG = "brightwater";

/** Ports these tests use (3440-3449 is this suite's range; the bench uses 3446-3449). */
export const PORTS = {
  durableEmbedded: 3440,
  durableServer: 3441,
  outage: 3442,
  first: 3443,
  second: 3444,
  outageAtStart: 3445,
  mailFirst: 3446,
  mailSecond: 3447,
  smtp: 3448,
} as const;

/**
 * PostgreSQL binaries for a throwaway cluster. Missing binaries skip the PostgreSQL tests with a notice on a
 * laptop; under CI=true they are a failure.
 */
export function postgresBinaries(): string | undefined {
  const bin = findPostgresBinaries();
  if (!bin) {
    if (CI) throw new Error("No PostgreSQL server binaries (initdb) found; CI needs them for the reliability tests");
    console.warn("Reliability tests on PostgreSQL skipped: no PostgreSQL server binaries (initdb) found; set POSTGRES_BIN");
  }
  return bin;
}

/** PgBouncer for the pooled runs: missing, a one-line notice and a skip on a laptop; under CI=true a failure. */
export function pgbouncerBinary(): string | undefined {
  const bin = findPgbouncer();
  if (!bin) {
    if (CI) throw new Error("No pgbouncer found; CI needs it for the tests through a pooler (.ci/run installs Debian's)");
    console.warn("Tests through PgBouncer skipped: no pgbouncer found (Debian: apt-get install pgbouncer; or set PGBOUNCER_BIN)");
  }
  return bin;
}

export { startCluster, type Cluster };

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `coachgrid-${label}-`));
}

/** A new database on the cluster, migrated and seeded with the demo organisation. Returns its URL. */
export async function seededServerDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = cluster.url.replace(/\/[^/]*$/, `/${name}`);
  const handle = await openServer(url, 2);
  try {
    await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
  return url;
}

/** A new embedded database folder seeded with the demo organisation (closed again, so a server can open it). */
export async function seededEmbeddedFolder(): Promise<string> {
  const dir = tempDir("embedded");
  const handle = await openEmbedded(dir);
  try {
    await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
  return dir;
}

export type Cell = {
  cycleId: string;
  repUserId: string;
  repName: string;
  behaviourId: string;
  behaviourName: string;
  score: number | null;
  version: number;
};

/** Every grid cell of the demo organisation's open cycle, with what is saved in it now (version 0: never saved). */
export async function openCycleCells(db: Db): Promise<Cell[]> {
  return rows<Cell>(
    await db.execute(sql`
      select c.id as "cycleId", m.user_id as "repUserId", u.name as "repName", b.id as "behaviourId", b.name as "behaviourName",
        r.score, coalesce(r.version, 0) as version
      from organisations o
      join cycles c on c.org_id = o.id and c.status = 'open'
      join memberships m on m.org_id = o.id and m.role = 'rep' and m.status = 'active'
      join users u on u.id = m.user_id
      join behaviours b on b.org_id = o.id and b.archived_at is null
      left join ratings r on r.org_id = o.id and r.cycle_id = c.id and r.rep_user_id = m.user_id and r.behaviour_id = b.id
      where o.slug = ${SLUG}
      order by u.name, b.position`),
  ).map((cell) => ({ ...cell, version: Number(cell.version) }));
}

/** Opens the database a server used (after it stopped, for the embedded one) and reads the cells. */
export async function readCells(open: () => Promise<DatabaseHandle>): Promise<Map<string, Cell>> {
  const handle = await open();
  try {
    return new Map((await openCycleCells(handle.db)).map((cell) => [cellKey(cell), cell]));
  } finally {
    await handle.close();
  }
}

export const cellKey = (cell: { repUserId: string; behaviourId: string }) => `${cell.repUserId}:${cell.behaviourId}`;

type RateOutcome =
  | { status: "ok"; data: { version: number; score: number | null } }
  | { status: "error"; code: string; details?: { current: { score: number | null; version: number } } };

/** Saves one score through the grid's server action over HTTP, as the grid page does. */
export async function saveScore(url: string, cookie: string, cell: Cell, score: number, expectedVersion: number): Promise<RateOutcome> {
  const id = actionId("lib/grid/actions.ts", "rateRep");
  const input = { cycleId: cell.cycleId, repUserId: cell.repUserId, behaviourId: cell.behaviourId, score, expectedVersion };
  const { status, outcome, body } = await callAction<RateOutcome>(url, cookie, id, `/o/${SLUG}/grid`, [SLUG, input]);
  if (!outcome) throw new Error(`The save answered ${status} without an outcome: ${body.slice(0, 300)}`);
  return outcome;
}

export function log(label: string): string {
  const dir = path.resolve(".test-data", "reliability");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}.log`);
  fs.rmSync(file, { force: true });
  return file;
}
