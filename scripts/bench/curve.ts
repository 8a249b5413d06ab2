import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "@/scripts/seed/demo-people";
import { LARGE_ADMIN_EMAIL, LARGE_LEADER_EMAIL, LARGE_ORG } from "@/scripts/seed/large-organisation";
import { actionId, actionRequest, actionResult, gridCells, signIn, startApp, type AppServer, type GridCell } from "./app";
import { curveChart } from "./curve-chart";
import { arg, CONNECTIONS, exportDownload, pair, prepareDatabase, ROUNDS, SECONDS, withQueries, type Figures, type Request } from "./load";
import { LARGEST_TEAM, seedScaleOrganisation } from "./scale-seed";

/**
 * `npm run bench -- --reps=500,5000,20000`: the size curve. For each size, a throwaway database with an organisation of
 * that many reps (scale-seed.ts), a production server with the revision cache off (every page computed afresh, as the
 * first request after any change is), and each page measured side by side with the trivial page (the save with the
 * trivial action): p50 ratio, CPU per request of the app and of the database, statements per request. Then the JSON
 * export once (time, peak memory) and, on PostgreSQL, eight leaders saving at once (write contention). Writes
 * `docs/bench/curve-<database>-<label>.json` (--label, default "now") and redraws the chart beside it from every run
 * of that database found there (curve-chart.ts). See docs/performance.md.
 */

const SLUG = LARGE_ORG.slug;
const PORT = Number(arg("port") ?? 3446);
/** The targets of issue 30, computed afresh at any size: dashboard and coaching queue <= 3x, save <= 1.5x. */
const CURVE_TARGETS: Record<string, number> = { dashboard: 3, coaching: 3, save: 1.5 };

type CurvePage = { key: string; name: string; ratio: number; cpuRatio: number | null; page: Figures; trivial: Figures };
type Contention = { leaders: number; aloneP50: number; togetherP50: number; saves: number; lockWaitShare: number; waitedOn: string[] };
type CurvePoint = {
  reps: number;
  teams: number;
  seedSeconds: number;
  pages: CurvePage[];
  export: Awaited<ReturnType<typeof exportDownload>> | null;
  contention: Contention | null;
};
export type CurveRun = {
  database: "postgres" | "embedded";
  label: string;
  at: string;
  cpus: number;
  connections: number;
  secondsPerRound: number;
  points: CurvePoint[];
};

const get = (cookie: string, page: string, check?: Request["check"]): Request => ({ method: "GET", path: page, headers: { Cookie: cookie }, check });
/** Pages are measured by count (a page of seconds still gets samples), trivial ones by time. */
const counted = (request: Request): Request => ({ ...request, amount: Math.max(8, 2 * CONNECTIONS) });
const okAction = (_s: number, body: string) => actionResult(body)?.status === "ok";

/** A save request that walks a leader's cells, each with the version it holds, as the grid does. */
function saveRequest(app: AppServer, cookie: string, cells: GridCell[], cycleId: string): Request {
  const versions = new Map<GridCell, number>(cells.map((c) => [c, c.version]));
  let next = 0;
  const body = () => {
    const cell = cells[next++ % cells.length]!;
    const version = versions.get(cell)!;
    versions.set(cell, version + 1);
    return JSON.stringify([
      SLUG,
      { cycleId, repUserId: cell.repUserId, behaviourId: cell.behaviourId, score: (version % 5) + 1, expectedVersion: version },
    ]);
  };
  const { headers } = actionRequest(app.url, cookie, actionId("lib/grid/actions.ts", "rateRep"), `/o/${SLUG}/grid`, []);
  return { method: "POST", path: `/o/${SLUG}/grid`, headers, body, check: okAction };
}

/** A leader's grid: its cells and the open cycle. */
async function leaderGrid(app: AppServer, cookie: string): Promise<{ cells: GridCell[]; cycleId: string }> {
  const html = await (await fetch(`${app.url}/o/${SLUG}/grid`, { headers: { Cookie: cookie } })).text();
  const cycleId = /"cycleId":"([0-9a-f-]{36})"/.exec(html.replaceAll('\\"', '"'))?.[1];
  if (!cycleId) throw new Error("The grid page names no open cycle");
  return { cells: [...gridCells(html).values()], cycleId };
}

/** p50 of one autocannon run of `request` with `connections` connections. */
async function runOnce(app: AppServer, request: Request, connections: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: app.url,
    connections,
    duration: seconds,
    ...({ timeout: 120 } as object),
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
  instance.on("response", (_c: unknown, _s: number, _b: number, time: number) => latencies.push(time));
  const result = await instance;
  return { latencies, errors: errors + result.errors + result.timeouts + result.non2xx };
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Eight leaders of the organisation save at once, each on their own team, one connection each, against one leader
 * saving alone; meanwhile the database's client backends are sampled every 5 ms for lock waits (what they wait on).
 */
async function contention(app: AppServer, databaseUrl: string, teams: number): Promise<Contention> {
  const leaders = Math.min(8, teams);
  const saves: Request[] = [];
  for (let t = 1; t <= leaders; t++) {
    const cookie = await signIn(app.url, t === 1 ? LARGE_LEADER_EMAIL : `leader${t}@large.example`, DEMO_PASSWORD);
    const { cells, cycleId } = await leaderGrid(app, cookie);
    saves.push(saveRequest(app, cookie, cells, cycleId));
  }
  const seconds = Math.max(2, SECONDS);
  await runOnce(app, saves[0]!, 1, 1); // warm
  const alone = await runOnce(app, saves[0]!, 1, seconds);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let samples = 0;
  let waiting = 0;
  const waitedOn = new Set<string>();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rows = await sql<{ waiting: number; what: string | null }[]>`
        select count(*) filter (where wait_event_type = 'Lock')::int as waiting,
          (select string_agg(distinct l.locktype || coalesce(' ' || l.relation::regclass::text, ''), ', ')
             from pg_locks l where not l.granted) as what
        from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`;
      samples += 1;
      if (rows[0]!.waiting > 0) waiting += 1;
      if (rows[0]!.what) for (const w of rows[0]!.what.split(", ")) waitedOn.add(w);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const together = await Promise.all(saves.map((save) => runOnce(app, save, 1, seconds)));
  sampling = false;
  await sampler;
  await sql.end({ timeout: 5 });
  const errors = together.reduce((n, r) => n + r.errors, 0) + alone.errors;
  if (errors > 0) throw new Error(`${errors} saves failed while eight leaders saved at once`);
  const all = together.flatMap((r) => r.latencies);
  return {
    leaders,
    aloneP50: p50(alone.latencies),
    togetherP50: p50(all),
    saves: all.length,
    lockWaitShare: samples ? waiting / samples : 0,
    waitedOn: [...waitedOn].sort(),
  };
}

async function measureSize(kind: "postgres" | "embedded", reps: number): Promise<CurvePoint> {
  const database = await prepareDatabase(kind);
  let app: AppServer | undefined;
  try {
    const seeding = Date.now();
    const handle = await database.open();
    const { teams } = await seedScaleOrganisation(handle.db, reps).finally(() => handle.close());
    const seedSeconds = (Date.now() - seeding) / 1000;
    console.log(`\n${reps.toLocaleString("en")} reps in ${teams} teams seeded in ${seedSeconds.toFixed(0)} s; measuring computed afresh…`);
    const log = path.resolve(".test-data", "bench", `server-curve-${kind}.log`);
    fs.mkdirSync(path.dirname(log), { recursive: true });
    const serve = () =>
      startApp({
        port: PORT,
        databaseUrl: database.url,
        dataDir: database.dataDir,
        secret: "bench-session-secret-0123456789abcdef",
        log,
        env: { COACHGRID_BENCH: "1", COACHGRID_REVISION_CACHE: "off" },
      });
    app = await serve();
    const leader = await signIn(app.url, LARGE_LEADER_EMAIL, DEMO_PASSWORD);
    const admin = await signIn(app.url, LARGE_ADMIN_EMAIL, DEMO_PASSWORD);
    const { cells, cycleId } = await leaderGrid(app, leader);
    const rated = cells.filter((c) => c.score !== null).length;
    if (rated !== Math.min(LARGEST_TEAM, reps) * 12) throw new Error(`The largest team's grid carries ${rated} scores`);
    const hasGrid = (_s: number, body: string) => body.includes('{\\"cg\\":1,');
    const pingHeaders = actionRequest(app.url, leader, actionId("lib/bench/actions.ts", "trivialPing"), `/o/${SLUG}/bench`, []).headers;
    const ping: Request = { method: "POST", path: `/o/${SLUG}/bench`, headers: pingHeaders, body: () => JSON.stringify([SLUG, {}]), check: okAction };
    const adminTrivial = get(admin, `/o/${SLUG}/bench`);
    const specs: { key: string; name: string; request: Request; versus: Request }[] = [
      { key: "dashboard", name: "admin dashboard", request: get(admin, `/o/${SLUG}`), versus: adminTrivial },
      { key: "coaching", name: "admin coaching queue", request: get(admin, `/o/${SLUG}/coaching`), versus: adminTrivial },
      { key: "grid", name: "largest team's grid", request: get(leader, `/o/${SLUG}/grid`, hasGrid), versus: get(leader, `/o/${SLUG}/bench`) },
      { key: "gridAll", name: "all-teams grid (admin)", request: get(admin, `/o/${SLUG}/grid?team=all`, hasGrid), versus: adminTrivial },
      { key: "save", name: "save one score", request: saveRequest(app, leader, cells, cycleId), versus: ping },
      { key: "audit", name: "audit log", request: get(admin, `/o/${SLUG}/audit`), versus: adminTrivial },
      { key: "members", name: "members page", request: get(admin, `/o/${SLUG}/members`), versus: adminTrivial },
    ];
    // --pages=key,key: only those pages (no contention, no export), to re-measure a change quickly.
    const only = arg("pages")?.split(",");
    const pages: CurvePage[] = [];
    for (const spec of specs.filter((s) => !only || only.includes(s.key))) {
      const [a, b] = [await withQueries(app, counted(spec.request)), await withQueries(app, spec.versus)];
      const [page, trivial] = await pair(app, { appGroup: app.pid, database: database.pid }, a, b);
      const cpuTotal = (f: Figures) => (f.cpu ? f.cpu.app + f.cpu.database : NaN);
      const cpuRatio = cpuTotal(page) / cpuTotal(trivial);
      const entry = {
        key: spec.key,
        name: spec.name,
        ratio: page.p50 / trivial.p50,
        cpuRatio: Number.isFinite(cpuRatio) ? cpuRatio : null,
        page,
        trivial,
      };
      pages.push(entry);
      console.log(`  ${line(entry)}`);
      if (page.errors + trivial.errors > 0) throw new Error(`${spec.name}: ${page.errors + trivial.errors} requests failed`);
    }
    if (only) return { reps, teams, seedSeconds, pages, export: null, contention: null };
    const contended = kind === "postgres" && database.url ? await contention(app, database.url, teams) : null;
    if (contended) console.log(`  ${contentionLine(contended)}`);
    await app.stop();
    app = await serve();
    const exported = await exportDownload(app, admin, reps * 12 * 4);
    console.log(`  ${exportLine(exported)}`);
    return { reps, teams, seedSeconds, pages, export: exported, contention: contended };
  } finally {
    await app?.stop();
    database.cleanup();
  }
}

const msText = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
function line(p: CurvePage): string {
  const cpu = (f: Figures) => (f.cpu ? `${f.cpu.app.toFixed(1)} + ${f.cpu.database.toFixed(1)}` : "n/a");
  const target = CURVE_TARGETS[p.key];
  return `${p.name.padEnd(24)} p50 ${msText(p.page.p50).padStart(8)} vs ${msText(p.trivial.p50).padStart(7)}  ${p.ratio.toFixed(2).padStart(6)}x${target ? ` (target <= ${target}x ${p.ratio <= target ? "met" : "MISSED"})` : ""}  CPU/request app + db ${cpu(p.page)} vs ${cpu(p.trivial)} ms  ${p.page.queries} statements  ${p.page.requests} requests`;
}
const contentionLine = (c: Contention) =>
  `${c.leaders} leaders saving at once: p50 ${msText(c.togetherP50)} (one leader alone ${msText(c.aloneP50)}), ${c.saves} saves; backends waiting on a lock in ${(c.lockWaitShare * 100).toFixed(0)}% of samples${c.waitedOn.length ? ` (${c.waitedOn.join(", ")})` : ""}`;
const exportLine = (e: NonNullable<CurvePoint["export"]>) =>
  `JSON export: ${(e.bytes / 1024 / 1024).toFixed(1)} MB, ${e.rows} rows in ${e.seconds.toFixed(1)} s; server memory peak ${e.peakMb?.toFixed(0) ?? "n/a"} MB (+${e.growthMb?.toFixed(0) ?? "n/a"} MB)`;

export async function runCurve(kind: "postgres" | "embedded", sizes: number[]): Promise<void> {
  const label = arg("label") ?? "now";
  console.log(
    `Size curve on ${kind === "postgres" ? "PostgreSQL" : "the embedded database"}: ${sizes.join(", ")} reps, computed afresh, ${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections`,
  );
  const points: CurvePoint[] = [];
  for (const reps of sizes) points.push(await measureSize(kind, reps));
  const run: CurveRun = {
    database: kind,
    label,
    at: new Date().toISOString(),
    cpus: os.cpus().length,
    connections: CONNECTIONS,
    secondsPerRound: SECONDS,
    points,
  };
  const dir = path.resolve("docs", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `curve-${kind}-${label}.json`);
  fs.writeFileSync(out, `${JSON.stringify(run, null, 2)}\n`);
  const runs = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`curve-${kind}-`) && f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CurveRun);
  const chart = path.join(dir, `curve-${kind}.svg`);
  fs.writeFileSync(chart, curveChart(runs));
  console.log(`\nWritten to ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), chart)}`);
}
