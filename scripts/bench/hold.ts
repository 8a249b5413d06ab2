/**
 * `npx tsx --conditions=react-server scripts/bench/hold.ts --reps=N`: a throwaway PostgreSQL cluster with the bench's
 * organisation of N reps, kept until Ctrl-C (or SIGTERM), for EXPLAIN ANALYZE on the pages' statements with psql.
 * Prints the connection URL; removes the cluster when it ends.
 */
import { openServer } from "@/db/client";
import { findPostgresBinaries, startCluster } from "@/scripts/postgres-cluster";
import { seedScaleOrganisation } from "./scale-seed";

const reps = Number(process.argv.find((a) => a.startsWith("--reps="))?.split("=")[1] ?? 20000);

async function main() {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error("No PostgreSQL server binaries (set POSTGRES_BIN)");
  const cluster = await startCluster(bin);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    const started = Date.now();
    const handle = await openServer(cluster.url, 2);
    const seeded = await seedScaleOrganisation(handle.db, reps);
    await handle.close();
    console.log(`${reps} reps in ${seeded.teams} teams seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`URL ${cluster.url}`);
  } catch (error) {
    cluster.stop();
    throw error;
  }
  setInterval(() => {}, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
