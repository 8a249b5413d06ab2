import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "../../scripts/runtime";

/** Builds the app once, before the workers start their servers from it (e2e/support/server.ts). */
export default function globalSetup() {
  if (!buildIsStale()) return;
  console.log("Building the app for the browser tests (next build)…");
  const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}
