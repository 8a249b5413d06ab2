import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * CPU time used so far by the processes that serve a request, read from /proc (Linux): the app server's process
 * group, and the database server's processes (the postmaster and its backends). Latency under load depends on
 * the neighbours; CPU time per request is what a page costs, and it splits between app and database.
 */

let msPerTick: number | undefined;
function tickMs(): number {
  if (msPerTick === undefined) {
    const hz = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    msPerTick = 1000 / (hz > 0 ? hz : 100);
  }
  return msPerTick;
}

type Stat = { pid: number; ppid: number; pgrp: number; ticks: number };

/** Every process of the machine with its parent, its process group and the CPU ticks it used. */
export function processes(): Stat[] {
  const stats: Stat[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // After "pid (command) ": state ppid pgrp … utime (14th field) stime (15th).
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // it ended while we read
    }
  }
  return stats;
}

/** Milliseconds of CPU used by a process group and by a process with its children, in one pass over /proc. */
export function cpuMs(appGroup: number, databaseRoot: number | undefined): { app: number; database: number } | undefined {
  if (!fs.existsSync("/proc/self/stat")) return undefined;
  const all = processes();
  const app = all.filter((p) => p.pgrp === appGroup).reduce((n, p) => n + p.ticks, 0);
  const database =
    databaseRoot === undefined ? 0 : all.filter((p) => p.pid === databaseRoot || p.ppid === databaseRoot).reduce((n, p) => n + p.ticks, 0);
  return { app: app * tickMs(), database: database * tickMs() };
}
