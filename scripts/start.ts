/**
 * `npm start`: build if needed, migrate, seed the demo organisation on a new embedded database, then serve.
 *   --dev    next dev instead of a production build
 *   --fresh  start from an empty embedded database (the e2e suite uses it)
 *   --built  serve the build as it is, even if a source changed since (the e2e workers: the suite built it once,
 *            and a worker must not rebuild under another worker's server)
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openAsOwner } from "@/db/client";
import { FolderLockedError } from "@/db/folder-lock";
import { env } from "@/lib/env";
import { buildIsStale, serverEnv } from "./runtime";
import { demoSignIns, isEmpty, seedDemo } from "./seed";

const dev = process.argv.includes("--dev");
const fresh = process.argv.includes("--fresh");
const built = process.argv.includes("--built");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join("node_modules", ".bin", "next");

async function prepareDatabase(): Promise<boolean> {
  const { DATABASE_URL, dataDir } = env();
  if (fresh && !DATABASE_URL) fs.rmSync(path.join(dataDir, "pgdata"), { recursive: true, force: true });
  const handle = await openAsOwner(); // migrates; refuses if another process holds the folder
  try {
    if (handle.kind === "embedded" && (await isEmpty(handle.db))) {
      console.log("New embedded database: seeding the demo organisation…");
      await seedDemo(handle.db);
    }
    return handle.kind === "embedded";
  } finally {
    await handle.close(); // release the folder: the server process opens it next
  }
}

async function main() {
  const childEnv = serverEnv(port);
  if (!dev && !built && buildIsStale()) {
    console.log("Building the app (about a minute on 2 cores)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const embedded = await prepareDatabase();
  const server = spawn(nextBin, [dev ? "dev" : "start", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env: childEnv });
  server.stdout.pipe(process.stdout);

  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    if (announced || !/Ready|started server/i.test(chunk.toString())) return;
    announced = true;
    console.log(`\nCoachgrid is running: open http://localhost:${port}`);
    console.log(embedded ? `Embedded database: ${env().dataDir}` : "Database: DATABASE_URL");
    if (embedded) console.log(`\n${demoSignIns()}\n`);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  if (error instanceof FolderLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
