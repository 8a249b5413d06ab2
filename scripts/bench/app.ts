import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { decodeGrid, GRID_PAYLOAD_MARKER, parseGrid } from "@/lib/grid/compact";

/**
 * Drives a production build over HTTP, the way a browser does: start `next start` (or `npm start`'s script), sign in
 * with next-auth's credentials endpoint, call a server action by its id. Shared by `npm run bench`, the reliability
 * tests and the browser tests' servers.
 */

export type AppServer = {
  url: string;
  pid: number;
  /** Resolves when the process has exited (with its code or signal). */
  exited: Promise<number | NodeJS.Signals | null>;
  alive(): boolean;
  /** kill -9 the server and everything it started. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: the embedded database closes and releases its folder. */
  stop(): Promise<void>;
};

export type AppOptions = {
  port: number;
  /** A PostgreSQL URL, or undefined for the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  /** Shared by instances that serve one deployment. */
  secret: string;
  log?: string;
  env?: Record<string, string>;
};

const nextBin = path.resolve("node_modules", ".bin", "next");

export type ServerProcess = {
  command: string;
  args: string[];
  /** Where it answers once it is up (its /login page). */
  url: string;
  env: NodeJS.ProcessEnv;
  /** A file its output is appended to. */
  log?: string;
  startupMs?: number;
};

/**
 * Runs a server command in a process group of its own and waits until its /login page answers. kill9 and stop
 * reach every process it started, and so does the end of this process: a test runner killed midway leaves no
 * server behind.
 */
export async function startServerProcess({ command, args, url, env, log, startupMs = 90_000 }: ServerProcess): Promise<AppServer> {
  if (log) fs.mkdirSync(path.dirname(log), { recursive: true }); // a fresh clone has no .test-data yet
  const out = log ? fs.openSync(log, "a") : "ignore";
  const child: ChildProcess = spawn(command, args, { detached: true, stdio: ["ignore", out, out], env });
  let exitedWith: number | NodeJS.Signals | null | undefined;
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on("exit", (code, signal) => {
      exitedWith = code ?? signal;
      resolve(exitedWith);
    }),
  );
  const pid = child.pid!;
  const killGroup = () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killGroup);
  void exited.then(() => process.off("exit", killGroup));
  const server: AppServer = {
    url,
    pid,
    exited,
    alive: () => exitedWith === undefined,
    async kill9() {
      killGroup();
      await exited;
    },
    async stop() {
      if (exitedWith !== undefined) return;
      process.kill(-pid, "SIGTERM");
      const timer = setTimeout(() => server.kill9(), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + startupMs;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`${url}: the server exited (${exitedWith}); see ${log ?? "its output"}`);
    if (
      await fetch(`${url}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.kill9();
  throw new Error(`${url}: the server did not answer within ${startupMs / 1000} s; see ${log ?? "its output"}`);
}

/** `next start` of the production build with one deployment's settings. */
export function startApp(options: AppOptions): Promise<AppServer> {
  const url = `http://localhost:${options.port}`;
  return startServerProcess({
    command: nextBin,
    args: ["start", "-p", String(options.port)],
    url,
    log: options.log,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl ?? "",
      DATA_DIR: options.dataDir ?? "",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: options.secret,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.from(options.secret.padEnd(32, "k").slice(0, 32)).toString("base64"),
      COACHGRID_TEST_HOOKS: "1",
      ...options.env,
    },
  });
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/**
 * SQL statements the server ran for `call`, measured alone: the server's query counter (its test hook) is read, and so
 * reset, before and after.
 */
export async function statementsOf(app: { url: string }, call: () => Promise<unknown>): Promise<number> {
  await fetch(`${app.url}/api/test/queries`);
  await call();
  return ((await (await fetch(`${app.url}/api/test/queries`)).json()) as { queries: number }).queries;
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status})`);
  return session;
}

/** The id of a server action in the production build, by the file and name it is exported under. */
export function actionId(filename: string, exportedName: string, buildDir = ".next"): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} from ${filename} in the build: run next build`);
  return found[0];
}

/** The request a browser sends when a page calls a server action with these arguments. */
export function actionRequest(url: string, cookie: string, id: string, page: string, args: unknown[]) {
  return {
    url: `${url}${page}`,
    method: "POST" as const,
    headers: {
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": id,
      Origin: url,
      Cookie: cookie,
    },
    body: JSON.stringify(args),
  };
}

/** Reads the action's return value out of its RSC response (the row that holds a `status`). */
export function actionResult<T = { status: string; data?: unknown; code?: string; details?: unknown }>(body: string): T | undefined {
  for (const line of body.split("\n")) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    const value = JSON.parse(match[1]!) as Record<string, unknown>;
    if (typeof value.status === "string") return value as T;
  }
  return undefined;
}

/** Calls a server action over HTTP; the outcome, or undefined when the response holds none. */
export async function callAction<T = { status: string; data?: unknown; code?: string; details?: unknown }>(
  url: string,
  cookie: string,
  id: string,
  page: string,
  args: unknown[],
  signal?: AbortSignal,
): Promise<{ status: number; outcome: T | undefined; body: string }> {
  const { url: target, ...init } = actionRequest(url, cookie, id, page, args);
  const response = await fetch(target, { ...init, signal });
  const body = await response.text();
  return { status: response.status, outcome: actionResult<T>(body), body };
}

export type GridCell = { repUserId: string; behaviourId: string; score: number | null; version: number };

/** The page's RSC payload: the rows Next.js inlines in the HTML as `self.__next_f.push([1,"…"])`, joined. */
function flightText(html: string): string {
  return [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)].map((m) => JSON.parse(m[1]!) as string).join("");
}

/** The JSON object that starts at `start` in `text` (strings may hold braces). */
function objectAt(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error("The grid payload is cut short");
}

/**
 * The leader-view cells a grid page response carries, keyed `rep:behaviour`. Its rows are virtualised: the cells
 * travel in the page's RSC payload, embedded in the HTML, in the grid's compact form (lib/grid/compact.ts).
 */
export function gridCells(html: string): Map<string, GridCell> {
  // The payload is one JSON string prop: a text row of the RSC payload when long, else a quoted string.
  let flight = flightText(html);
  let start = flight.indexOf(`{"${GRID_PAYLOAD_MARKER}":1,`);
  if (start < 0) {
    flight = flight.replaceAll('\\"', '"');
    start = flight.indexOf(`{"${GRID_PAYLOAD_MARKER}":1,`);
  }
  const cells = new Map<string, GridCell>();
  if (start < 0) return cells;
  for (const cell of decodeGrid(parseGrid(objectAt(flight, start))).cells) cells.set(`${cell.repUserId}:${cell.behaviourId}`, cell);
  return cells;
}
