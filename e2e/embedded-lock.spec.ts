import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TS_SCRIPT } from "../scripts/runtime";
import { expect, test } from "./support/test";

test("the running server holds the embedded folder from its start: a script is refused with one line", async ({ appServer: { dataDir } }) => {
  const lock = JSON.parse(fs.readFileSync(path.join(dataDir, "coachgrid.lock"), "utf8")) as { pid: number; command: string };
  expect(() => process.kill(lock.pid, 0)).not.toThrow(); // the holder is alive: the server itself

  const before = fs.readdirSync(path.join(dataDir, "pgdata")).length;
  const script = spawnSync(process.execPath, [...TS_SCRIPT, "scripts/db.ts", "seed"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });
  expect(script.status).toBe(1);
  expect(script.stderr.trim()).toBe(
    `The embedded database in ${dataDir} is in use by process ${lock.pid} (${lock.command}). Stop that process first, or point DATABASE_URL at a PostgreSQL server.`,
  );
  expect(fs.readdirSync(path.join(dataDir, "pgdata")).length).toBe(before);
});
