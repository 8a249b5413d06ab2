/**
 * `npm test`: every test, in order, and a summary.
 *   1. type check   2. lint   3. unit + integration on the embedded database (the permission matrix and the fuzz
 *      suite only when no PostgreSQL server is at hand: they test the chain, and run once, on the server, otherwise)
 *   4. integration on PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster when the binaries exist), at the same
 *      time as step 3 (its output printed when it ends), then a smoke set of it through PgBouncer in transaction mode
 *      in front of that server (DATABASE_POOLER=transaction)
 *   5. browser end-to-end tests against a production build (Chromium from CHROMIUM_PATH, Debian or Playwright),
 *      after the reliability tests on that build (kill -9, database outage, two instances; their own PostgreSQL)
 * Without PostgreSQL, PgBouncer or Chromium a step is skipped with a one-line notice; with CI=true it fails instead.
 * Exits non-zero when any step fails.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium } from "../e2e/support/chromium";
import { findPgbouncer, startPgbouncer } from "./pgbouncer";
import { findPostgresBinaries, startCluster, type Cluster } from "./postgres-cluster";

const CI = ["1", "true"].includes(String(process.env.CI).toLowerCase());
const reports = path.resolve(".test-data", "reports");
fs.mkdirSync(reports, { recursive: true });

type Step = {
  name: string;
  status: "passed" | "failed" | "skipped";
  note?: string;
  passed?: number;
  failed?: number;
  skipped?: number;
  seconds?: number;
};
const steps: Step[] = [];
/** When the step that is about to be pushed started: the summary prints each step's duration. */
let stepStarted = Date.now();
function record(step: Step, started = stepStarted) {
  steps.push({ ...step, seconds: Math.round((Date.now() - started) / 1000) });
  stepStarted = Date.now();
}

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status === 0;
}

function vitestCounts(file: string): Pick<Step, "passed" | "failed" | "skipped"> {
  if (!fs.existsSync(file)) return {};
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Pick<Step, "passed" | "failed" | "skipped"> {
  if (!fs.existsSync(file)) return {};
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

/** Suites of the chain itself (who may call every entry; malformed input writes nothing): on one database is enough. */
const CHAIN_SUITES = ["tests/integration/permission-matrix.test.ts", "tests/integration/fuzz-actions.test.ts"];

/** Integration files run again through the pooler: the prepared-statement cases, migrations, sign-in, writes. */
const POOLER_SMOKE_SET = ["prepared-statements", "migrations", "accounts", "grid", "concurrent-saves", "org-revisions"].map(
  (name) => `tests/integration/${name}.test.ts`,
);

function reportFile(name: string): string {
  const file = path.join(reports, `${name.replace(/\W+/g, "-")}.json`);
  fs.rmSync(file, { force: true });
  return file;
}

function vitestArgs(projects: string[], args: string[], file: string): string[] {
  return [
    "vitest",
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ];
}

function vitest(name: string, projects: string[], env: Record<string, string> = {}, args: string[] = []) {
  const file = reportFile(name);
  const ok = run("npx", vitestArgs(projects, args, file), env);
  record({ name, status: ok ? "passed" : "failed", ...vitestCounts(file) });
}

/**
 * A vitest step started in the background, its output to a log printed when it ends. Vitest gives a two-core machine
 * one worker, and an integration step on PostgreSQL leaves the other core mostly to the server: the embedded step
 * runs beside it, which saves minutes on CI.
 */
function vitestInBackground(name: string, projects: string[], env: Record<string, string>) {
  const file = reportFile(name);
  const log = path.join(reports, `${name.replace(/\W+/g, "-")}.log`);
  const out = fs.openSync(log, "w");
  const started = Date.now();
  console.log(`\n$ npx ${vitestArgs(projects, [], file).join(" ")} (in the background; its output follows when it ends)`);
  // Its own process group, so stopping npm test stops vitest and its workers too, not only npx.
  const child = spawn("npx", vitestArgs(projects, [], file), {
    stdio: ["ignore", out, out],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true,
  });
  const stop = () => process.kill(-child.pid!, "SIGTERM");
  process.once("exit", stop);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    async finish() {
      const code = await exited;
      process.removeListener("exit", stop);
      fs.closeSync(out);
      console.log(`\n── ${name} ──`);
      process.stdout.write(fs.readFileSync(log, "utf8"));
      record({ name, status: code === 0 ? "passed" : "failed", ...vitestCounts(file) }, started);
    },
  };
}

function unavailable(name: string, why: string) {
  if (CI) {
    console.error(`\n✗ ${name}: ${why} (CI=true: this is a failure, not a skip)`);
    record({ name, status: "failed", note: why });
  } else {
    console.log(`\n- ${name}: skipped — ${why}`);
    record({ name, status: "skipped", note: why });
  }
}

/** The smoke set through a throwaway PgBouncer (transaction mode) in front of the server the previous step used. */
async function throughPooler(serverUrl: string) {
  const name = "Integration through PgBouncer (transaction mode, smoke set)";
  const bin = findPgbouncer();
  if (!bin) return unavailable(name, "no pgbouncer found (Debian: apt-get install pgbouncer; or set PGBOUNCER_BIN)");
  let pooler;
  try {
    pooler = await startPgbouncer(bin, serverUrl);
  } catch (error) {
    return unavailable(name, (error as Error).message);
  }
  console.log(`\nStarted PgBouncer (${bin}, transaction mode) at ${pooler.url}`);
  try {
    vitest(name, ["integration"], { TEST_DATABASE_URL: serverUrl, TEST_POOLER_URL: pooler.url, DATABASE_POOLER: "transaction" }, POOLER_SMOKE_SET);
  } finally {
    pooler.stop();
  }
}

async function main() {
  // Killed (Ctrl-C, SIGTERM): leave through process.exit, so the cluster's and the pooler's exit hooks stop them.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(1));
  record({ name: "Type check", status: run("npm", ["run", "--silent", "typecheck"]) ? "passed" : "failed" });
  record({ name: "Lint", status: run("npm", ["run", "--silent", "lint"]) ? "passed" : "failed" });
  // The server starts first: with one, the suites that check the chain rather than the database (every entry as every
  // persona; fuzzed inputs) run on it alone, not on both databases.
  const pgName = "Integration (PostgreSQL server)";
  let cluster: Cluster | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const bin = findPostgresBinaries();
    if (bin) {
      try {
        cluster = await startCluster(bin);
        serverUrl = cluster.url;
        console.log(`\nStarted a throwaway PostgreSQL cluster from ${bin} at ${serverUrl}`);
      } catch (error) {
        unavailable(pgName, `could not start PostgreSQL from ${bin}: ${(error as Error).message.split("\n")[0]}`);
      }
    } else {
      unavailable(pgName, "no PostgreSQL server binaries (initdb) found; set TEST_DATABASE_URL or POSTGRES_BIN");
    }
  }
  const onServer = serverUrl ? vitestInBackground(pgName, ["integration"], { TEST_DATABASE_URL: serverUrl }) : undefined;
  const onServerOnly = serverUrl ? CHAIN_SUITES.flatMap((file) => ["--exclude", file]) : [];
  vitest(
    serverUrl ? "Unit and integration (embedded PGlite; the chain's suites run on PostgreSQL)" : "Unit and integration (embedded PGlite)",
    ["unit", "integration"],
    { TEST_DATABASE_URL: "" },
    onServerOnly,
  );

  if (serverUrl) {
    try {
      await onServer!.finish();
      await throughPooler(serverUrl);
    } finally {
      cluster?.stop();
    }
  }

  const e2eName = "Browser end-to-end (Playwright, production build)";
  if (!findChromium()) {
    unavailable(e2eName, "no Chromium found (set CHROMIUM_PATH, install Debian's chromium, or run npx playwright install chromium)");
  } else if (!run("npx", ["next", "build"], { COACHGRID_BUILD_SKIP_TYPECHECK: "1" })) {
    record({ name: "Production build", status: "failed" });
    record({ name: e2eName, status: "failed", note: "next build failed" });
  } else {
    record({ name: "Production build", status: "passed" });
    vitest("Reliability (production build: kill -9, database outage, two instances)", ["reliability"]);
    const file = path.join(reports, "e2e.json");
    fs.rmSync(file, { force: true });
    const ok = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    record({ name: e2eName, status: ok ? "passed" : "failed", ...playwrightCounts(file) });
  }

  console.log("\nSummary");
  for (const step of steps) {
    const counts = step.passed === undefined ? "" : ` — ${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped`;
    const mark = { passed: "✓", failed: "✗", skipped: "-" }[step.status];
    console.log(`  ${mark} ${step.name}: ${step.status}${counts}${step.note ? ` (${step.note})` : ""} [${step.seconds}s]`);
  }
  // Type check and lint count as one check each; a step that failed without failing a test counts as one failure.
  const passed = steps.reduce((n, s) => n + (s.passed ?? (s.status === "passed" ? 1 : 0)), 0);
  const failed = steps.reduce((n, s) => n + Math.max(s.failed ?? 0, s.status === "failed" ? 1 : 0), 0);
  const skipped = steps.reduce((n, s) => n + (s.skipped ?? 0) + (s.status === "skipped" ? 1 : 0), 0);
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
