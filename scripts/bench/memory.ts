import fs from "node:fs";
import { processes } from "./cpu";

/**
 * Resident memory of a process group (the app server and what it started), read from /proc (Linux). The bench
 * samples it while one request runs to see how much memory that request needs at its peak.
 */
function rssKb(group: number): number | undefined {
  if (!fs.existsSync("/proc/self/status")) return undefined;
  let total = 0;
  for (const { pid } of processes().filter((p) => p.pgrp === group)) {
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // it ended while we read
    }
  }
  return total;
}

/** Runs `work` while sampling the group's resident memory every few milliseconds: before, and the peak during. */
export async function peakRss<T>(group: number, work: () => Promise<T>): Promise<{ result: T; beforeKb?: number; peakKb?: number }> {
  const beforeKb = rssKb(group);
  let peakKb = beforeKb;
  const timer = setInterval(() => {
    const now = rssKb(group);
    if (now !== undefined && (peakKb === undefined || now > peakKb)) peakKb = now;
  }, 10);
  try {
    return { result: await work(), beforeKb, peakKb };
  } finally {
    clearInterval(timer);
  }
}
