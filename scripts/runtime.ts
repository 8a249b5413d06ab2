import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * The environment `next` runs with: a session secret (generated once and kept in the data folder when not
 * given). NEXTAUTH_URL passes through as given: unset, the app works at whatever address it is opened at
 * (localhost, 127.0.0.1, the machine's name). Shared by `npm start` and the test runner.
 */
export function serverEnv(port: number): NodeJS.ProcessEnv {
  const { dataDir, NEXTAUTH_SECRET } = env();
  const { NEXTAUTH_URL, ...inherited } = process.env;
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    ...inherited,
    // An empty NEXTAUTH_URL is left out: next-auth's client module fails on an empty URL, and unset is what it means.
    ...(NEXTAUTH_URL ? { NEXTAUTH_URL } : {}),
    NEXTAUTH_SECRET: NEXTAUTH_SECRET ?? localSecret(dataDir),
    PORT: String(port),
  };
}

function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Whether `.next` is missing or older than any source file. */
export function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/**
 * The Node arguments that run a TypeScript script in a process of its own (`node ...TS_SCRIPT file.ts`): tsx, and
 * the `react-server` export condition, under which `import "server-only"` (db/, lib/'s actions and loaders) resolves
 * to the package's empty module as it does inside Next's server; the default export throws. package.json's scripts
 * pass the same flag to the tsx binary.
 */
export const TS_SCRIPT = ["--conditions=react-server", "--import", "tsx"] as const;
