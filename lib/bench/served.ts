import { env } from "@/lib/env";

/** Whether this server is the benchmark's own (`npm run bench` sets COACHGRID_BENCH=1): only it serves the trivial page and action. */
export function benchServed(): boolean {
  return env().COACHGRID_BENCH === "1";
}
