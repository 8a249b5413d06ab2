import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded, openServer, type DatabaseHandle } from "@/db/client";
import { signIn, startApp, type AppServer } from "@/scripts/bench/app";
import {
  cellKey,
  DANA,
  log,
  PASSWORD,
  PORTS,
  postgresBinaries,
  readCells,
  saveScore,
  SECRET,
  seededEmbeddedFolder,
  seededServerDatabase,
  startCluster,
  type Cell,
  type Cluster,
} from "./support";

const IN_FLIGHT = 24;

type Ack = { version: number; score: number };

/**
 * Keeps IN_FLIGHT saves going (one writer per cell, each sending the version its last save returned), kills the
 * server with SIGKILL while they are in flight, and returns what was acknowledged and what was still in flight.
 */
async function saveUntilKilled(app: AppServer, cookie: string, cells: Cell[]) {
  const acked = new Map<string, Ack>();
  const pending = new Map<string, Ack>();
  let inFlight = 0;
  let acknowledged = 0;
  let inFlightAtKill = 0;
  let killed = false;

  const writer = async (cell: Cell) => {
    let version = cell.version;
    for (let i = 0; !killed; i++) {
      const score = ((i + cell.behaviourName.length) % 5) + 1;
      pending.set(cellKey(cell), { version: version + 1, score });
      inFlight += 1;
      try {
        const outcome = await saveScore(app.url, cookie, cell, score, version);
        if (outcome.status !== "ok") throw new Error(`save refused: ${outcome.code}`);
        version = outcome.data.version;
        acked.set(cellKey(cell), { version, score });
        acknowledged += 1;
        pending.delete(cellKey(cell));
      } catch (error) {
        if (!killed) throw error;
        // The connection died with the server: this save was not acknowledged.
      } finally {
        inFlight -= 1;
      }
    }
  };

  const kill = (async () => {
    // Wait until a good number of saves is acknowledged and the writers are all busy, then kill -9.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (acknowledged >= 3 * cells.length && inFlight >= 20) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    inFlightAtKill = inFlight;
    killed = true;
    await app.kill9();
  })();

  const results = await Promise.allSettled(cells.map(writer));
  await kill;
  const errors = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
  return { acked, pending, inFlightAtKill, acknowledged, errors };
}

/** Every acknowledged save is in the database; an in-flight save may or may not have landed, but nothing else. */
function expectAcknowledgedSaves(cells: Cell[], saved: Map<string, Cell>, acked: Map<string, Ack>, pending: Map<string, Ack>) {
  for (const cell of cells) {
    const ack = acked.get(cellKey(cell))!;
    const now = saved.get(cellKey(cell))!;
    const label = `${cell.repName} · ${cell.behaviourName}`;
    const inFlight = pending.get(cellKey(cell));
    if (now.version === ack.version) expect(now.score, label).toBe(ack.score);
    else {
      // The save in flight at the kill committed before the process died: it is the only later one possible.
      expect(inFlight, `${label}: version ${now.version} after acknowledged ${ack.version}`).toBeDefined();
      expect({ version: now.version, score: now.score }, label).toEqual(inFlight);
    }
  }
}

async function killAndRestart(open: () => Promise<DatabaseHandle>, start: () => Promise<AppServer>) {
  const cells = [...(await readCells(open)).values()].slice(0, IN_FLIGHT);
  expect(cells).toHaveLength(IN_FLIGHT);

  const app = await start();
  const cookie = await signIn(app.url, DANA, PASSWORD);
  const { acked, pending, inFlightAtKill, acknowledged, errors } = await saveUntilKilled(app, cookie, cells);
  expect(errors).toEqual([]);
  expect(inFlightAtKill).toBeGreaterThanOrEqual(20);
  expect(acked.size).toBe(IN_FLIGHT);
  expect(app.alive()).toBe(false);

  // Restart on the same data: it comes up by itself and takes saves again.
  const again = await start();
  try {
    const cookieAgain = await signIn(again.url, DANA, PASSWORD);
    const probe = cells[0]!;
    const ack = acked.get(cellKey(probe))!;
    const landed = pending.get(cellKey(probe));
    // Send the version the cell holds now: the acknowledged one, or the in-flight one if it landed.
    let outcome = await saveScore(again.url, cookieAgain, probe, 3, ack.version);
    if (outcome.status !== "ok" && landed) outcome = await saveScore(again.url, cookieAgain, probe, 3, landed.version);
    expect(outcome.status).toBe("ok");
    if (outcome.status === "ok") {
      acked.set(cellKey(probe), { version: outcome.data.version, score: 3 });
      pending.delete(cellKey(probe));
    }
  } finally {
    await again.stop();
  }
  const saved = await readCells(open);
  expectAcknowledgedSaves(cells, saved, acked, pending);
  const landed = cells.filter((c) => saved.get(cellKey(c))!.version !== acked.get(cellKey(c))!.version).length;
  console.log(
    `kill -9 with ${inFlightAtKill} saves in flight after ${acknowledged} acknowledged: all there; ${landed} in-flight saves had landed too`,
  );
  return { acknowledged };
}

describe("durability: kill -9 with saves in flight, restart, every acknowledged save is there", () => {
  it("on the embedded database, whose folder lock recovers by itself", async () => {
    const dir = await seededEmbeddedFolder();
    const lockFile = path.join(dir, "coachgrid.lock");
    const logFile = log("durable-embedded");
    try {
      const { acknowledged } = await killAndRestart(
        () => openEmbedded(dir),
        async () => {
          const before = fs.existsSync(lockFile) ? (JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number }).pid : undefined;
          const app = await startApp({ port: PORTS.durableEmbedded, dataDir: dir, secret: SECRET, log: logFile });
          // The server holds the folder lock; after a kill -9 the stale lock (a dead pid) was taken over without help.
          const holder = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number };
          expect(holder.pid).not.toBe(before);
          return app;
        },
      );
      expect(acknowledged).toBeGreaterThanOrEqual(3 * IN_FLIGHT);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  describe("on PostgreSQL", () => {
    const bin = postgresBinaries();
    let cluster: Cluster | undefined;
    beforeAll(async () => {
      if (bin) cluster = await startCluster(bin);
    });
    afterAll(() => cluster?.stop());

    it.skipIf(!bin)(
      "keeps every acknowledged save of an app server killed with -9",
      async () => {
        const url = await seededServerDatabase(cluster!, "durability");
        const logFile = log("durable-server");
        const { acknowledged } = await killAndRestart(
          () => openServer(url, 2),
          () => startApp({ port: PORTS.durableServer, databaseUrl: url, secret: SECRET, log: logFile }),
        );
        expect(acknowledged).toBeGreaterThanOrEqual(3 * IN_FLIGHT);
      },
      300_000,
    );
  });
});
