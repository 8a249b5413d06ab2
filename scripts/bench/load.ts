import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { openEmbedded, openServer, type DatabaseHandle } from "@/db/client";
import { CHROMIUM_ARGS, findChromium } from "@/e2e/support/chromium";
import { findPostgresBinaries, startCluster, type Cluster } from "@/scripts/postgres-cluster";
import { LARGE_ORG } from "@/scripts/seed/large-organisation";
import { statementsOf, type AppServer } from "./app";
import { cpuMs } from "./cpu";
import { peakRss } from "./memory";

/** Load measurement shared by `npm run bench` (index.ts) and its size curve (curve.ts). */

export const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
export const SECONDS = Number(arg("seconds") ?? 4);
export const CONNECTIONS = Number(arg("connections") ?? 8);
export const ROUNDS = 3;
const SLUG = LARGE_ORG.slug;

export type Request = {
  /** Requests per round instead of SECONDS: a page that takes seconds still gets a few samples. */
  amount?: number;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: () => string;
  check?: (status: number, body: string) => boolean;
};
/** `cpu`: milliseconds of CPU per request of the app server and of the database server (with the embedded
 *  database, its work is in the app's); null where /proc is not there to read. */
/** `queries`: SQL statements of a repeated request; `firstQueries`: of the first one (a cached page computes then). */
export type Figures = {
  p50: number;
  p95: number;
  rps: number;
  requests: number;
  errors: number;
  queries: number;
  firstQueries: number;
  cpu: { app: number; database: number } | null;
};
/** Where the CPU time of a request is spent: the app server's process group and the database's postmaster. */
export type Processes = { appGroup: number; database: () => number | undefined };
export type Measured = Request & { queries: number; firstQueries: number };

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** One autocannon round; every latency is kept so rounds combine into true percentiles. */
async function round(
  app: AppServer,
  request: Request,
  latencies: number[],
  processes: Processes,
): Promise<{ requests: number; errors: number; seconds: number; cpu: { app: number; database: number } | undefined }> {
  let errors = 0;
  const started = Date.now();
  const cpuBefore = cpuMs(processes.appGroup, processes.database());
  const instance = autocannon({
    url: app.url,
    connections: CONNECTIONS,
    ...(request.amount ? { amount: request.amount, timeout: 300 } : { duration: SECONDS }),
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: request.headers,
        ...(request.body ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: request.body!() }) } : {}),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || (request.check && !request.check(status, body))) errors += 1;
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  const result = await instance;
  const cpuAfter = cpuMs(processes.appGroup, processes.database());
  const cpu = cpuBefore && cpuAfter ? { app: cpuAfter.app - cpuBefore.app, database: cpuAfter.database - cpuBefore.database } : undefined;
  return {
    requests: result.requests.total,
    errors: errors + result.errors + result.timeouts + result.non2xx,
    seconds: (Date.now() - started) / 1000,
    cpu,
  };
}

/** SQL statements of one request, measured alone (before any load, so no other request is counted). */
export async function queriesOf(app: AppServer, request: Request): Promise<number> {
  return statementsOf(app, async () =>
    (await fetch(`${app.url}${request.path}`, { method: request.method, headers: request.headers, body: request.body?.() })).text(),
  );
}

/** The statements of the request's first call and of a repeat: they differ for a page cached per revision. */
export async function withQueries(app: AppServer, request: Request, firstQueries?: number): Promise<Measured> {
  const first = firstQueries ?? (await queriesOf(app, request));
  return { ...request, firstQueries: first, queries: await queriesOf(app, request) };
}

/** withQueries for each request in turn; `firstQueries` holds the requests whose first call was counted already. */
export async function withQueriesEach<T extends readonly Request[]>(
  app: AppServer,
  requests: T,
  firstQueries = new Map<Request, number>(),
): Promise<{ [K in keyof T]: Measured }> {
  const measured: Measured[] = [];
  for (const request of requests) measured.push(await withQueries(app, request, firstQueries.get(request)));
  return measured as { [K in keyof T]: Measured };
}

/** Measures a pair side by side: rounds alternate A, B, A, B… so a noisy neighbour hits both alike. */
export async function pair(app: AppServer, processes: Processes, a: Measured, b: Measured): Promise<[Figures, Figures]> {
  const runs = [a, b].map((request) => ({
    request,
    latencies: [] as number[],
    requests: 0,
    errors: 0,
    seconds: 0,
    cpu: { app: 0, database: 0 } as Figures["cpu"],
  }));
  for (const run of runs) await round(app, run.request, [], processes); // warm up, not counted
  for (let r = 0; r < ROUNDS; r++) {
    for (const run of runs) {
      const result = await round(app, run.request, run.latencies, processes);
      run.requests += result.requests;
      run.errors += result.errors;
      run.seconds += result.seconds;
      run.cpu = run.cpu && result.cpu ? { app: run.cpu.app + result.cpu.app, database: run.cpu.database + result.cpu.database } : null;
    }
  }
  const figures = runs.map((run): Figures => {
    const sorted = run.latencies.sort((x, y) => x - y);
    const perRequest = (ms: number) => (run.requests > 0 ? ms / run.requests : NaN);
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      rps: run.requests / run.seconds,
      requests: run.requests,
      errors: run.errors,
      queries: run.request.queries,
      firstQueries: run.request.firstQueries,
      cpu: run.cpu && { app: perRequest(run.cpu.app), database: perRequest(run.cpu.database) },
    };
  });
  return figures as [Figures, Figures];
}

/** Gzipped bytes of the JavaScript Chromium downloads on a cold load of a page (empty cache, fresh context). */
export async function coldJs(app: AppServer, cookie: string, page: string): Promise<{ files: number; gzipBytes: number; transferredBytes: number }> {
  const browser = findChromium();
  if (!browser) throw new Error("No Chromium found (set CHROMIUM_PATH or install Debian's chromium) to measure the grid's JavaScript");
  const chrome = await chromium.launch({ ...browser, args: CHROMIUM_ARGS });
  try {
    const context = await chrome.newContext();
    const [name, value] = cookie.split("=", 2) as [string, string];
    await context.addCookies([{ name, value, url: app.url }]);
    const tab = await context.newPage();
    const scripts: Promise<{ gzip: number; transferred: number }>[] = [];
    // Responses after the load is measured are not counted; reading their bodies once the browser closes would throw.
    let measured = false;
    tab.on("response", (response) => {
      if (measured || response.request().resourceType() !== "script") return;
      scripts.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return { gzip: zlib.gzipSync(body).length, transferred: sizes.responseBodySize };
        })(),
      );
    });
    await tab.goto(`${app.url}${page}`, { waitUntil: "networkidle" });
    measured = true;
    const all = await Promise.all(scripts);
    return { files: all.length, gzipBytes: all.reduce((n, s) => n + s.gzip, 0), transferredBytes: all.reduce((n, s) => n + s.transferred, 0) };
  } finally {
    await chrome.close();
  }
}

export type ExportFigures = { bytes: number; seconds: number; rows: number; beforeMb?: number; peakMb?: number; growthMb?: number };

/**
 * One download of the organisation's JSON export by its admin, on a server that has served nothing else, with the
 * server's resident memory sampled throughout: the peak above what it held before is what the export costs.
 */
export async function exportDownload(app: AppServer, cookie: string, minRatings = 6000): Promise<ExportFigures> {
  await (await fetch(`${app.url}/o/${SLUG}/bench`, { headers: { Cookie: cookie } })).text(); // the member layout and chain loaded
  const started = Date.now();
  const {
    result: text,
    beforeKb,
    peakKb,
  } = await peakRss(app.pid, async () => {
    const response = await fetch(`${app.url}/o/${SLUG}/export`, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`The export answered ${response.status}`);
    return response.text();
  });
  const seconds = (Date.now() - started) / 1000;
  const data = JSON.parse(text) as { tables: Record<string, unknown[]> };
  const ratings = data.tables.ratings?.length ?? 0;
  if (ratings < minRatings) throw new Error(`The export holds ${ratings} ratings; the organisation has at least ${minRatings}`);
  const rows = Object.values(data.tables).reduce((n, rows) => n + rows.length, 0);
  const mb = (kb?: number) => (kb === undefined ? undefined : kb / 1024);
  return {
    bytes: Buffer.byteLength(text),
    seconds,
    rows,
    beforeMb: mb(beforeKb),
    peakMb: mb(peakKb),
    growthMb: beforeKb !== undefined && peakKb !== undefined ? mb(peakKb - beforeKb) : undefined,
  };
}

export type Database = { open: () => Promise<DatabaseHandle>; url?: string; dataDir?: string; pid: () => number | undefined; cleanup(): void };

export async function prepareDatabase(kind: "postgres" | "embedded"): Promise<Database> {
  if (kind === "postgres") {
    const bin = findPostgresBinaries();
    if (!bin) throw new Error("--db=postgres needs PostgreSQL server binaries (initdb); set POSTGRES_BIN");
    const cluster: Cluster = await startCluster(bin);
    return { url: cluster.url, open: () => openServer(cluster.url, 2), pid: () => cluster.pid(), cleanup: () => cluster.stop() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-bench-"));
  // The embedded database runs inside the app server: its CPU time is the app's.
  return { dataDir, open: () => openEmbedded(dataDir), pid: () => undefined, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
