/**
 * `npm run bench`: the large organisation on a throwaway database, a production build, and side-by-side load
 * measurements of real pages and actions against the app's trivial ones (see docs/benchmark.md).
 *   --db=postgres|embedded   which database (default: PostgreSQL when its server binaries exist, else embedded)
 *   --seconds=N              seconds per measurement round (default 4; three rounds per side, alternating)
 *   --connections=N          concurrent connections (default 8)
 *   --port=N                 the production server's port (default 3446)
 *   --reps=N[,N…]            instead: the size curve, an organisation of each size computed afresh (curve.ts)
 *   --label=NAME             the curve run's name in docs/bench (default "now"; "before" draws dashed)
 *   --reuse-build            do not rebuild a stale build (another bench may be serving it)
 *   --pages=KEY,KEY          with --reps: only these pages (dashboard, coaching, grid, gridAll, save, audit, members)
 * The grid and the dashboard are measured twice: as served again (cached per data revision) and computed afresh
 * (a second server with COACHGRID_REVISION_CACHE=off), which is what the first request after any change costs.
 * Next, the admin downloads the organisation's JSON export once from a fresh server, which is watched for memory.
 * Last, on a server of its own, the people import: the preview and the confirm of a 5,000-row file.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "@/scripts/runtime";
import { findPostgresBinaries } from "@/scripts/postgres-cluster";
import { DEMO_PASSWORD } from "@/scripts/seed/demo-people";
import { LARGE_ADMIN_EMAIL, LARGE_LEADER_EMAIL, LARGE_ORG, seedLargeOrganisation } from "@/scripts/seed/large-organisation";
import { actionId, actionRequest, actionResult, gridCells, signIn, startApp, type AppServer, type GridCell } from "./app";
import {
  arg,
  coldJs,
  CONNECTIONS,
  exportDownload,
  median,
  pair,
  prepareDatabase,
  queriesOf,
  ROUNDS,
  SECONDS,
  withQueriesEach,
  type Figures,
  type Measured,
  type Request,
} from "./load";
import { runCurve } from "./curve";
import { IMPORT_ROWS, measurePeopleImport, type ImportFigures } from "./people-import";

const PORT = Number(arg("port") ?? 3446);
const SLUG = LARGE_ORG.slug;
const TARGETS = { grid: 2, save: 1.5, dashboard: 2, gridJsKb: 180 };

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

  // --reuse-build: measure the build as it is (another run may be serving it; a rebuild would pull it from under it).
  if (buildIsStale() && !process.argv.includes("--reuse-build")) {
    console.log("Building the app (next build)…");
    if (spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  }
  const sizes = arg("reps");
  if (sizes) return runCurve(kind, sizes.split(",").map(Number));

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
