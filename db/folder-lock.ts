import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * An exclusive lock on the embedded database folder. PGlite does not lock its folder, and two processes
 * writing one folder corrupt it, so every opener (server, scripts) takes this lock first.
 *
 * The lock is a file created with O_EXCL holding the owner's pid. A holder that no longer runs (kill -9,
 * power loss) is stale: the next opener removes its file and takes the lock without manual steps.
 */
export class FolderLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}). ` +
        `Stop that process first, or point DATABASE_URL at a PostgreSQL server.`,
    );
    this.name = "FolderLockedError";
  }
}

type LockOwner = { pid: number; host: string; command: string; since: string };

const LOCK_FILE = "coachgrid.lock";

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // a previous life of this pid (containers reuse pid 1)
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by someone else
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockOwner;
  } catch {
    return undefined; // gone, or half-written by a process killed mid-write
  }
}

/** Takes the lock or throws FolderLockedError. Returns the function that releases it. */
export function acquireFolderLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    command: path.basename(process.argv[1] ?? "node"),
    since: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readOwner(file);
      if (holder && isRunning(holder.pid)) throw new FolderLockedError(dir, holder);
      // Stale: remove it only if it is still the stale file we read, then race for it again.
      if (JSON.stringify(readOwner(file)) === JSON.stringify(holder)) fs.rmSync(file, { force: true });
      continue;
    }
    const owner = readOwner(file);
    if (owner?.pid !== me.pid || owner.since !== me.since) {
      // Another opener recovering the same stale lock removed ours in between; it holds the folder now.
      if (owner && isRunning(owner.pid)) throw new FolderLockedError(dir, owner);
      continue;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const current = readOwner(file);
      if (current?.pid === me.pid && current.since === me.since) fs.rmSync(file, { force: true });
    };
  }
  throw new Error(`Could not take the lock on ${dir}: it kept changing hands.`);
}
