import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openEmbedded } from "@/db/client";
import { acquireFolderLock, FolderLockedError } from "@/db/folder-lock";
import { TS_SCRIPT } from "@/scripts/runtime";

// `node --import tsx`, not the tsx binary: the pid we kill must be the process that holds the folder.
const runTs = (args: string[]) => [process.execPath, [...TS_SCRIPT, ...args]] as const;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** Starts a process that opens the folder's database and holds it; resolves once it is ready. */
function holdDatabase(dir: string, email: string): Promise<ChildProcess> {
  const child = spawn(...runTs(["tests/support/hold-database.ts", dir, email]), { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      const stat = fs.statSync(full);
      return `${path.relative(dir, full)}:${stat.size}:${stat.mtimeMs}`;
    })
    .sort();
}

describe("the embedded database folder lock", () => {
  it("refuses a second opener while the first runs, and recovers by itself after kill -9", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-lock-"));
    const holder = await holdDatabase(dir, "held@example.test");

    // A second opener in this process: refused with one line naming the holder.
    const refusal = await openEmbedded(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FolderLockedError);
    expect((refusal as Error).message).toMatch(new RegExp(`in use by process ${holder.pid} \\(`));
    expect((refusal as Error).message).not.toContain("\n");

    // A script (npm run db:seed) is refused the same way and touches nothing in the folder.
    const before = listing(dir);
    const script = spawnSync(...runTs(["scripts/db.ts", "seed"]), { env: { ...process.env, DATA_DIR: dir }, encoding: "utf8" });
    expect(script.status).toBe(1);
    expect(script.stderr.trim()).toMatch(/^The embedded database in .* is in use by process \d+ /);
    expect(script.stderr.trim().split("\n")).toHaveLength(1);
    expect(listing(dir)).toEqual(before);

    // kill -9 leaves the lock file behind; the next opener sees its holder is gone and takes over.
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(fs.existsSync(path.join(dir, "coachgrid.lock"))).toBe(true);
    const reopened = await openEmbedded(dir);
    try {
      const result = await reopened.db.execute(sql`select email from users`);
      const rows = Array.isArray(result) ? result : (result as { rows: { email: string }[] }).rows;
      expect(rows).toEqual([{ email: "held@example.test" }]);
    } finally {
      await reopened.close();
    }
    expect(fs.existsSync(path.join(dir, "coachgrid.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it("is released for the next opener in the same process", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-lock-"));
    const release = acquireFolderLock(dir);
    release();
    const again = acquireFolderLock(dir);
    again();
    expect(fs.existsSync(path.join(dir, "coachgrid.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
