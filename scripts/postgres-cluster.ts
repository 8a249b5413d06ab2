import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster for the test run: initdb in a temporary folder, started on a free port,
 * fsync off, removed afterwards. Needs the server binaries (initdb, pg_ctl); as root it runs them as `postgres`.
 */
export type Cluster = {
  url: string;
  stop(): void;
  /** Stops the server but keeps its data (an outage); `resume` starts it again on the same port. */
  halt(): void;
  resume(): void;
  /** The postmaster's process id while it runs (its backends are its children). */
  pid(): number | undefined;
};

export function findPostgresBinaries(): string | undefined {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => fs.existsSync(path.join(debian, v, "bin", "initdb")));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin");
  }
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return onPath ? path.dirname(onPath) : undefined;
}

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(bin: string): Promise<Cluster> {
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-pg-"));
  const asOwner = (command: string, args: string[]) =>
    isRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" }) : execFileSync(command, args, { stdio: "pipe" });
  if (isRoot) execFileSync("chown", ["postgres:postgres", dir]);
  fs.chmodSync(dir, 0o700);

  const data = path.join(dir, "data");
  asOwner(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  const start = () => asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", options, "start"]);
  start();
  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", stop);
    try {
      asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped (halted, or killed)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  process.once("exit", stop); // a last resort when the caller exits without stop()

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt: () => asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]),
    resume: start,
    pid() {
      try {
        return Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
      } catch {
        return undefined;
      }
    },
    stop,
  };
}
