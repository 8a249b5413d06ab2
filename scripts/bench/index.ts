/**
 * `npm run bench`: the large organisation on a throwaway database, a production build, and side-by-side load
 * measurements of real pages and actions against the app's trivial ones (see docs/benchmark.md).
 *   --db=postgres|embedded   which database (default: PostgreSQL when its server binaries exist, else embedded)
 *   --seconds=N              seconds per measurement round (default 4; three rounds per side, alternating)
 *   --connections=N          concurrent connections (default 8)
 *   --port=N                 the production server's port (default 3446)
 * The grid and the dashboard are measured twice: as served again (cached per data revision) and computed afresh
 * (a second server with COACHGRID_REVISION_CACHE=off), which is what the first request after any change costs.
 * Next, the admin downloads the organisation's JSON export once from a fresh server, which is watched for memory.
 * Last, on a server of its own, the people import: the preview and the confirm of a 5,000-row file.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { openEmbedded, openServer, type DatabaseHandle } from "@/db/client";
import { CHROMIUM_ARGS, findChromium } from "@/e2e/support/chromium";
import { buildIsStale } from "@/scripts/runtime";
import { findPostgresBinaries, startCluster, type Cluster } from "@/scripts/postgres-cluster";
import { DEMO_PASSWORD } from "@/scripts/seed/demo-people";
import { LARGE_ADMIN_EMAIL, LARGE_LEADER_EMAIL, LARGE_ORG, seedLargeOrganisation } from "@/scripts/seed/large-organisation";
import { actionId, actionRequest, actionResult, gridCells, signIn, startApp, statementsOf, type AppServer, type GridCell } from "./app";
import { cpuMs } from "./cpu";
import { peakRss } from "./memory";
import { IMPORT_ROWS, measurePeopleImport, type ImportFigures } from "./people-import";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const PORT = Number(arg("port") ?? 3446);
const SECONDS = Number(arg("seconds") ?? 4);
const CONNECTIONS = Number(arg("connections") ?? 8);
const ROUNDS = 3;
const SLUG = LARGE_ORG.slug;
const TARGETS = { grid: 2, save: 1.5, dashboard: 2, gridJsKb: 180 };

type Request = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: () => string;
  check?: (status: number, body: string) => boolean;
};
/** `cpu`: milliseconds of CPU per request of the app server and of the database server (with the embedded
 *  database, its work is in the app's); null where /proc is not there to read. */
/** `queries`: SQL statements of a repeated request; `firstQueries`: of the first one (a cached page computes then). */
type Figures = {
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
type Processes = { appGroup: number; database: () => number | undefined };
type Measured = Request & { queries: number; firstQueries: number };

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (values: readonly number[]) =>
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
    duration: SECONDS,
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
async function queriesOf(app: AppServer, request: Request): Promise<number> {
  return statementsOf(app, async () =>
    (await fetch(`${app.url}${request.path}`, { method: request.method, headers: request.headers, body: request.body?.() })).text(),
  );
}

/** The statements of the request's first call and of a repeat: they differ for a page cached per revision. */
async function withQueries(app: AppServer, request: Request, firstQueries?: number): Promise<Measured> {
  const first = firstQueries ?? (await queriesOf(app, request));
  return { ...request, firstQueries: first, queries: await queriesOf(app, request) };
}

/** withQueries for each request in turn; `firstQueries` holds the requests whose first call was counted already. */
async function withQueriesEach<T extends readonly Request[]>(
  app: AppServer,
  requests: T,
  firstQueries = new Map<Request, number>(),
): Promise<{ [K in keyof T]: Measured }> {
  const measured: Measured[] = [];
  for (const request of requests) measured.push(await withQueries(app, request, firstQueries.get(request)));
  return measured as { [K in keyof T]: Measured };
}

/** Measures a pair side by side: rounds alternate A, B, A, B… so a noisy neighbour hits both alike. */
async function pair(app: AppServer, processes: Processes, a: Measured, b: Measured): Promise<[Figures, Figures]> {
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
async function coldJs(app: AppServer, cookie: string, page: string): Promise<{ files: number; gzipBytes: number; transferredBytes: number }> {
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

type ExportFigures = { bytes: number; seconds: number; rows: number; beforeMb?: number; peakMb?: number; growthMb?: number };

/**
 * One download of the organisation's JSON export by its admin, on a server that has served nothing else, with the
 * server's resident memory sampled throughout: the peak above what it held before is what the export costs.
 */
async function exportDownload(app: AppServer, cookie: string): Promise<ExportFigures> {
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
  if (ratings < 6000) throw new Error(`The export holds ${ratings} ratings; the large organisation has more than 6,000`);
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

type Database = { open: () => Promise<DatabaseHandle>; url?: string; dataDir?: string; pid: () => number | undefined; cleanup(): void };

async function prepareDatabase(kind: "postgres" | "embedded"): Promise<Database> {
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

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const cpuTotal = (f: Figures) => (f.cpu ? f.cpu.app + f.cpu.database : NaN);
const cpu = (c: NonNullable<Figures["cpu"]>) => `${c.app.toFixed(1)} + ${c.database.toFixed(1)} ms`;

/** What a pair measures, against what, and its target. */
type PairSpec = { name: string; key: "grid" | "save" | "dashboard"; target: number; versus: string };
const GRID: PairSpec = { name: "grid page (500 reps x 12)", key: "grid", target: TARGETS.grid, versus: "trivial page" };
const SAVE: PairSpec = { name: "save one score", key: "save", target: TARGETS.save, versus: "trivial action" };
const DASHBOARD: PairSpec = { name: "admin dashboard /o/large-org", key: "dashboard", target: TARGETS.dashboard, versus: "trivial page" };
/** A measured page or action (`a`) next to its trivial counterpart (`b`), with the server's page cache on or off. */
type Pair = PairSpec & { pageCache: boolean; a: Figures; b: Figures };
const ratios = (p: Pair) => ({ ratio: p.a.p50 / p.b.p50, rpsRatio: p.b.rps / p.a.rps, cpuRatio: cpuTotal(p.a) / cpuTotal(p.b) });

function printPair(p: Pair, kind: "postgres" | "embedded") {
  const { ratio, rpsRatio, cpuRatio } = ratios(p);
  const row = (label: string, f: Figures) =>
    `  ${label.padEnd(30)} p50 ${ms(f.p50).padStart(8)}  p95 ${ms(f.p95).padStart(8)}  ${f.rps.toFixed(1).padStart(7)} req/s  ${String(f.queries).padStart(3)} queries/request${f.firstQueries !== f.queries ? ` (${f.firstQueries} the first time)` : ""}${f.errors ? `  ${f.errors} FAILED` : ""}`;
  console.log(row(p.name, p.a));
  console.log(row(p.versus, p.b));
  console.log(`  ratio p50 ${ratio.toFixed(2)}x (req/s ${rpsRatio.toFixed(2)}x), target <= ${p.target}x ${ratio <= p.target ? "met" : "MISSED"}`);
  if (p.a.cpu && p.b.cpu) {
    const [what, a, b] =
      kind === "postgres"
        ? ["app + database", cpu(p.a.cpu), cpu(p.b.cpu)]
        : ["app, with the embedded database in it", ms(p.a.cpu.app), ms(p.b.cpu.app)];
    console.log(`  CPU per request (${what}): ${a} vs ${b}, ${cpuRatio.toFixed(2)}x`);
  }
  console.log("");
}

function pairJson(p: Pair) {
  const { ratio, rpsRatio, cpuRatio } = ratios(p);
  return {
    key: p.key,
    name: p.name,
    pageCache: p.pageCache,
    measured: p.a,
    versus: p.versus,
    trivial: p.b,
    ratioP50: ratio,
    ratioRps: rpsRatio,
    ratioCpu: Number.isFinite(cpuRatio) ? cpuRatio : null,
    target: p.target,
    met: ratio <= p.target,
  };
}

async function main() {
  const requested = arg("db");
  const kind = requested === "postgres" || requested === "embedded" ? requested : findPostgresBinaries() ? "postgres" : "embedded";
  if (requested && requested !== kind) throw new Error(`--db must be postgres or embedded, not ${requested}`);

  if (buildIsStale()) {
    console.log("Building the app (next build)…");
    if (spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  }

  console.log(`Database: ${kind === "postgres" ? "a throwaway PostgreSQL cluster" : "a throwaway embedded folder"}; seeding the large organisation…`);
  const database = await prepareDatabase(kind);
  let app: AppServer | undefined;
  try {
    const seeding = Date.now();
    const handle = await database.open();
    await seedLargeOrganisation(handle.db).finally(() => handle.close()); // it analyzes the tables it loaded
    console.log(`Seeded in ${((Date.now() - seeding) / 1000).toFixed(0)} s. Starting the production server on port ${PORT}…`);

    const log = path.resolve(".test-data", "bench", `server-${kind}.log`);
    fs.mkdirSync(path.dirname(log), { recursive: true });
    // One deployment's settings; the second server (revision cache off) accepts the same session cookies.
    const serve = (cache: boolean) =>
      startApp({
        port: PORT,
        databaseUrl: database.url,
        dataDir: database.dataDir,
        secret: "bench-session-secret-0123456789abcdef",
        log,
        // COACHGRID_BENCH=1: only the bench's own server serves the trivial page and action it compares with.
        env: cache ? { COACHGRID_BENCH: "1" } : { COACHGRID_BENCH: "1", COACHGRID_REVISION_CACHE: "off" },
      });
    app = await serve(true);
    const leader = await signIn(app.url, LARGE_LEADER_EMAIL, DEMO_PASSWORD);
    const admin = await signIn(app.url, LARGE_ADMIN_EMAIL, DEMO_PASSWORD);
    const get = (cookie: string, page: string, check?: Request["check"]): Request => ({
      method: "GET",
      path: page,
      headers: { Cookie: cookie },
      check,
    });

    // The grid's first request computes it, even with the cache on: its statements are counted first.
    const gridFirstQueries = await queriesOf(app, get(leader, `/o/${SLUG}/grid`));
    // The grid response must carry the scores: 500 reps x 12 behaviours, every one rated.
    const gridHtml = await (await fetch(`${app.url}/o/${SLUG}/grid`, { headers: { Cookie: leader } })).text();
    const cells = [...gridCells(gridHtml).values()];
    const rated = cells.filter((c) => c.score !== null).length;
    if (rated !== 6000) throw new Error(`The leader's grid carries ${rated} scores, not 500 x 12 = 6000`);
    // Under load a cheap check (parsing 6,000 cells per response would load the same two CPUs): the full page came.
    const gridRequest = get(leader, `/o/${SLUG}/grid`, (_s, body) => body.length >= gridHtml.length * 0.95 && body.includes('{\\"cg\\":1,'));
    const trivialRequest = get(leader, `/o/${SLUG}/bench`);
    const dashboardRequest = get(admin, `/o/${SLUG}`);
    const adminTrivialRequest = get(admin, `/o/${SLUG}/bench`);

    // Saves walk through the 6,000 cells, each sending the version the cell holds, as the grid does.
    const saveId = actionId("lib/grid/actions.ts", "rateRep");
    const cycleId = /"cycleId":"([0-9a-f-]{36})"/.exec(gridHtml.replaceAll('\\"', '"'))?.[1];
    if (!cycleId) throw new Error("The grid page names no open cycle");
    const versions = new Map<GridCell, number>(cells.map((c) => [c, c.version]));
    let next = 0;
    const saveBody = () => {
      const cell = cells[next++ % cells.length]!;
      const version = versions.get(cell)!;
      versions.set(cell, version + 1);
      return JSON.stringify([
        SLUG,
        { cycleId, repUserId: cell.repUserId, behaviourId: cell.behaviourId, score: (version % 5) + 1, expectedVersion: version },
      ]);
    };
    const okAction = (_s: number, body: string) => actionResult(body)?.status === "ok";
    const { headers: saveHeaders } = actionRequest(app.url, leader, saveId, `/o/${SLUG}/grid`, []);
    const saveRequest: Request = { method: "POST", path: `/o/${SLUG}/grid`, headers: saveHeaders, body: saveBody, check: okAction };
    const { headers: pingHeaders } = actionRequest(app.url, leader, actionId("lib/bench/actions.ts", "trivialPing"), `/o/${SLUG}/bench`, []);
    const pingRequest: Request = {
      method: "POST",
      path: `/o/${SLUG}/bench`,
      headers: pingHeaders,
      body: () => JSON.stringify([SLUG, {}]),
      check: okAction,
    };

    const [gridM, trivialM, saveM, pingM, dashboardM, adminTrivialM] = await withQueriesEach(
      app,
      [gridRequest, trivialRequest, saveRequest, pingRequest, dashboardRequest, adminTrivialRequest] as const,
      new Map([[gridRequest, gridFirstQueries]]),
    );

    const measure = async (server: AppServer, pageCache: boolean, spec: PairSpec, a: Measured, b: Measured): Promise<Pair> => {
      const [measured, trivial] = await pair(server, { appGroup: server.pid, database: database.pid }, a, b);
      return { ...spec, pageCache, a: measured, b: trivial };
    };
    console.log(`Measuring: ${ROUNDS} alternating rounds of ${SECONDS} s per side, ${CONNECTIONS} connections…`);
    const cached = [
      await measure(app, true, GRID, gridM, trivialM),
      await measure(app, true, SAVE, saveM, pingM),
      await measure(app, true, DASHBOARD, dashboardM, adminTrivialM),
    ];
    const js = await coldJs(app, leader, `/o/${SLUG}/grid`);

    // The same two pages computed on every request: what the first request after any change costs.
    // (The people import comes last, on a server of its own: see below.)
    console.log("Measuring the grid and the dashboard again, computed afresh (a server with the revision cache off)…");
    await app.stop();
    app = await serve(false);
    const [gridF, trivialF, dashboardF, adminTrivialF] = await withQueriesEach(app, [
      gridRequest,
      trivialRequest,
      dashboardRequest,
      adminTrivialRequest,
    ] as const);
    const afresh = [await measure(app, false, GRID, gridF, trivialF), await measure(app, false, DASHBOARD, dashboardF, adminTrivialF)];

    console.log("Downloading the organisation's JSON export from a fresh server, watching its memory…");
    await app.stop();
    app = await serve(true);
    const exported = await exportDownload(app, admin);

    // The people import, on a server of its own: 5,000 invitations per confirm, their mails queued for an SMTP port
    // nothing listens on, so they stay in the outbox instead of filling a local mailbox folder.
    console.log(`Measuring the people import: three files of ${IMPORT_ROWS.toLocaleString("en")} new people, preview then confirm…`);
    await app.stop();
    app = await startApp({
      port: PORT,
      databaseUrl: database.url,
      dataDir: database.dataDir,
      secret: "bench-session-secret-0123456789abcdef",
      log,
      env: { SMTP_URL: "smtp://127.0.0.1:9", MAIL_FROM: "Coachgrid <bench@localhost>", MAIL_RETRY_SECONDS: "3600" },
    });
    const peopleImport: ImportFigures = await measurePeopleImport(app, admin, SLUG);

    console.log(
      `\nBenchmark on ${kind === "postgres" ? "PostgreSQL" : "the embedded database"} (${os.cpus().length} CPUs, ${CONNECTIONS} connections)\n`,
    );
    console.log("As served (the grid and the dashboard cached per data revision, as they are until the organisation's data changes):\n");
    for (const p of cached) printPair(p, kind);
    console.log("Computed afresh (every request, as the first one after a change is):\n");
    for (const p of afresh) printPair(p, kind);
    const kb = js.gzipBytes / 1024;
    console.log(
      `  grid page JavaScript, cold load: ${js.files} files, ${kb.toFixed(1)} KB gzip (${(js.transferredBytes / 1024).toFixed(1)} KB on the wire), target <= ${TARGETS.gridJsKb} KB ${kb <= TARGETS.gridJsKb ? "met" : "MISSED"}`,
    );
    const mbText = (n?: number) => (n === undefined ? "n/a" : `${n.toFixed(0)} MB`);
    console.log(
      `  organisation export: ${(exported.bytes / 1024 / 1024).toFixed(1)} MB, ${exported.rows} rows in ${exported.seconds.toFixed(1)} s; server memory ${mbText(exported.beforeMb)} before, peak ${mbText(exported.peakMb)} (+${mbText(exported.growthMb)})`,
    );
    const runs = (values: number[]) => values.map((v) => ms(v)).join(", ");
    console.log(`\nPeople import of ${IMPORT_ROWS.toLocaleString("en")} new people (each run a new file; HTTP included):\n`);
    console.log(
      `  preview  median ${ms(median(peopleImport.previewMs)).padStart(8)}  (runs ${runs(peopleImport.previewMs)})  ${peopleImport.previewQueries} queries/request`,
    );
    console.log(
      `  confirm  median ${ms(median(peopleImport.confirmMs)).padStart(8)}  (runs ${runs(peopleImport.confirmMs)})  ${peopleImport.confirmQueries} queries/request`,
    );

    const out = path.resolve(".test-data", "bench", `bench-${kind}.json`);
    const result = {
      database: kind,
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      connections: CONNECTIONS,
      secondsPerRound: SECONDS,
      rounds: ROUNDS,
      pairs: [...cached, ...afresh].map(pairJson),
      gridJs: { ...js, gzipKb: kb, targetKb: TARGETS.gridJsKb, met: kb <= TARGETS.gridJsKb },
      export: exported,
      peopleImport: { ...peopleImport, previewMedianMs: median(peopleImport.previewMs), confirmMedianMs: median(peopleImport.confirmMs) },
    };
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
    console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
    const failed = [...cached, ...afresh].flatMap((p) => [p.a, p.b]).reduce((n, f) => n + f.errors, 0);
    if (failed > 0) {
      console.error(`${failed} requests failed or answered without the expected content: the figures are not trustworthy.`);
      process.exitCode = 1;
    }
  } finally {
    await app?.stop();
    database.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
