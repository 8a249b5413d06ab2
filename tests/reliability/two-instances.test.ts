import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServer } from "@/db/client";
import { gridCells, signIn, startApp, type AppServer } from "@/scripts/bench/app";
import { startPgbouncer, type Pooler } from "@/scripts/pgbouncer";
import {
  cellKey,
  log,
  MARCUS,
  openCycleCells,
  PASSWORD,
  pgbouncerBinary,
  PORTS,
  postgresBinaries,
  saveScore,
  SECRET,
  seededServerDatabase,
  SLUG,
  startCluster,
  type Cluster,
} from "./support";

/**
 * Two production servers from one build on one PostgreSQL database, sharing only the session secret: a session
 * from the first works on the second, and what the second saves the first shows. Nothing lives in the app process.
 * Run twice: straight to PostgreSQL, and through PgBouncer in transaction mode (DATABASE_POOLER=transaction), the
 * way most hosted PostgreSQL is reached.
 */
describe.each([{ through: "straight to PostgreSQL" }, { through: "through PgBouncer in transaction mode" }])(
  "two app instances on one PostgreSQL, $through",
  ({ through }) => {
    const pooled = through.includes("PgBouncer");
    const bin = postgresBinaries();
    const pgbouncer = pooled ? pgbouncerBinary() : undefined;
    const skip = !bin || (pooled && !pgbouncer);
    let cluster: Cluster | undefined;
    let pooler: Pooler | undefined;
    let url = "";
    const apps: AppServer[] = [];
    beforeAll(async () => {
      if (skip) return;
      cluster = await startCluster(bin);
      url = await seededServerDatabase(cluster, "two_instances");
      pooler = pgbouncer ? await startPgbouncer(pgbouncer, url) : undefined;
      const app = (port: number, name: string) =>
        startApp({ port, databaseUrl: pooler?.url ?? url, secret: SECRET, log: log(name), env: pooled ? { DATABASE_POOLER: "transaction" } : {} });
      apps.push(...(await Promise.all([app(PORTS.first, "first"), app(PORTS.second, "second")])));
    });
    afterAll(async () => {
      await Promise.all(apps.splice(0).map((app) => app.stop()));
      pooler?.stop();
      cluster?.stop();
    });

    it.skipIf(skip)("signs in on the first, saves through the second, reads it back on the first", async () => {
      const [first, second] = apps as [AppServer, AppServer];
      const handle = await openServer(url, 1);
      const cells = await openCycleCells(handle.db).finally(() => handle.close());
      // A cell of Marcus's team (the grid he sees first), with a score it does not hold yet.
      const cookie = await signIn(first.url, MARCUS, PASSWORD);
      const grid = async () => {
        const response = await fetch(`${first.url}/o/${SLUG}/grid`, { headers: { Cookie: cookie } });
        expect(response.status).toBe(200);
        return gridCells(await response.text());
      };
      const before = await grid();
      const cell = cells.find((c) => c.version > 0 && before.has(cellKey(c)))!;
      expect(cell, "the leader's grid shows the demo team's rated cells").toBeDefined();
      expect(before.get(cellKey(cell))).toMatchObject({ score: cell.score, version: cell.version });
      const score = cell.score === 2 ? 5 : 2;

      const outcome = await saveScore(second.url, cookie, cell, score, cell.version);
      expect(outcome).toMatchObject({ status: "ok", data: { version: cell.version + 1, score } });

      expect((await grid()).get(cellKey(cell))).toEqual({
        repUserId: cell.repUserId,
        behaviourId: cell.behaviourId,
        score,
        version: cell.version + 1,
      });
    });
  },
);
