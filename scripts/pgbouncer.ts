import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres-cluster";

/**
 * A throwaway PgBouncer in transaction mode in front of a PostgreSQL server, the way most hosted PostgreSQL is
 * reached. Debian's pgbouncer (1.18) cannot keep named prepared statements in this mode, so the app must run with
 * DATABASE_POOLER=transaction behind it. Every database name is passed through (`*`), so tests can create
 * databases on the server and reach them through the pooler.
 */
export type Pooler = { url: string; stop(): void };

export function findPgbouncer(): string | undefined {
  const candidates = [process.env.PGBOUNCER_BIN, "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"];
  const found = candidates.find((file) => file && fs.existsSync(file));
  if (found) return found;
  const onPath = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" }).stdout.trim();
  return onPath || undefined;
}

async function accepting(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Starts pgbouncer on a free port in front of `serverUrl` (trust auth, as the throwaway clusters use). */
export async function startPgbouncer(bin: string, serverUrl: string): Promise<Pooler> {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-pgbouncer-"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 400",
      "default_pool_size = 10",
      // Tests drop databases they created while the pooler may hold idle server connections to them.
      "server_idle_timeout = 5",
      // postgres.js sends only user, database, client_encoding and application_name, which PgBouncer accepts;
      // a URL's query parameters (options=…, search_path=…) become startup parameters PgBouncer refuses.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  );
  // pgbouncer refuses to run as root: as root, run it as the postgres user (who owns the throwaway clusters).
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execChown(dir);
  const [command, args] = isRoot
    ? ["runuser", ["-u", "postgres", "--", bin, path.join(dir, "pgbouncer.ini")]]
    : [bin, [path.join(dir, "pgbouncer.ini")]];
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  const stop = () => {
    process.removeListener("exit", stop);
    try {
      process.kill(-child.pid!, "SIGTERM"); // its process group: runuser and pgbouncer
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop); // a last resort when the caller exits without stop()
  if (!(await accepting(port, 10_000))) {
    const log = fs.existsSync(path.join(dir, "pgbouncer.log"))
      ? fs.readFileSync(path.join(dir, "pgbouncer.log"), "utf8").trim().split("\n").slice(-3).join(" | ")
      : "";
    stop();
    throw new Error(`pgbouncer did not start on port ${port}${log ? `: ${log}` : ""}`);
  }
  const pooled = new URL(serverUrl);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(port);
  return { url: pooled.toString(), stop };
}

function execChown(dir: string) {
  spawnSync("chown", ["-R", "postgres:postgres", dir]);
}
