import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/scripts/seed";
import { DEMO_ORG } from "@/scripts/seed/demo-people";
import { onServer, rowsOf, withTestDatabase } from "../support/database";
import { differingTallies } from "../support/tallies";

const testDb = withTestDatabase();

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await db.execute(query))[0]!;
}

/**
 * team_tallies, rep_tallies and rep_cycle_tallies are kept by triggers (migrations 0019, 0020). Whatever changes the
 * ratings, self ratings, assessments, reps, settings or behaviours, the stored rows must equal the same functions run
 * afresh over the whole organisation.
 */
describe(`team tallies (${onServer ? "PostgreSQL" : "embedded"})`, () => {
  it("equal a fresh aggregate after every kind of change, in single rows and whole statements", async () => {
    const db = testDb();
    await seedDemo(db);
    const { id: orgId } = await one<{ id: string }>(db, sql`select id from organisations where slug = ${DEMO_ORG.slug}`);
    const { n } = await one<{ n: number }>(db, sql`select count(*)::int as n from team_tallies where org_id = ${orgId}`);
    // The demo's teams, cycles and behaviours: enough rows that a missed change shows.
    expect(n).toBeGreaterThan(50);
    const { perRep } = await one<{ perRep: number }>(db, sql`select count(*)::int as "perRep" from rep_cycle_tallies where org_id = ${orgId}`);
    expect(perRep).toBeGreaterThan(20);
    expect(await differingTallies(db, orgId)).toEqual([]);

    const next = random(20261207);
    const pick = <T>(rows: T[]): T => rows[Math.floor(next() * rows.length)]!;
    const score = () => (next() < 0.15 ? null : 1 + Math.floor(next() * 5));
    const reps = rowsOf<{ user_id: string }>(
      await db.execute(sql`select user_id from memberships where org_id = ${orgId} and role = 'rep' order by user_id`),
    ).map((r) => r.user_id);
    const teams = rowsOf<{ id: string }>(await db.execute(sql`select id from teams where org_id = ${orgId} order by id`)).map((t) => t.id);
    const behaviours = rowsOf<{ id: string }>(await db.execute(sql`select id from behaviours where org_id = ${orgId} order by id`)).map((b) => b.id);
    const aRating = () =>
      one<{ cycle_id: string; rep_user_id: string; behaviour_id: string }>(
        db,
        sql`select cycle_id, rep_user_id, behaviour_id from ratings where org_id = ${orgId} order by cycle_id, rep_user_id, behaviour_id
          offset ${Math.floor(next() * 100)} limit 1`,
      );
    const anAssessment = () =>
      one<{ cycle_id: string; rep_user_id: string }>(
        db,
        sql`select cycle_id, rep_user_id from assessments where org_id = ${orgId} order by cycle_id, rep_user_id offset ${Math.floor(next() * 20)} limit 1`,
      );

    const changes: [string, () => Promise<unknown>][] = [
      [
        "a leader score changes or is cleared",
        async () => {
          const r = await aRating();
          await db.execute(sql`update ratings set score = ${score()} where org_id = ${orgId} and cycle_id = ${r.cycle_id}
            and rep_user_id = ${r.rep_user_id} and behaviour_id = ${r.behaviour_id}`);
        },
      ],
      [
        "a leader score is deleted",
        async () => {
          const r = await aRating();
          await db.execute(sql`delete from ratings where org_id = ${orgId} and cycle_id = ${r.cycle_id}
            and rep_user_id = ${r.rep_user_id} and behaviour_id = ${r.behaviour_id}`);
        },
      ],
      [
        "every leader score of a rep in a cycle is cleared",
        async () => {
          const r = await aRating();
          await db.execute(
            sql`update ratings set score = null where org_id = ${orgId} and cycle_id = ${r.cycle_id} and rep_user_id = ${r.rep_user_id}`,
          );
        },
      ],
      [
        "a self score is written",
        async () => {
          const a = await anAssessment();
          await db.execute(sql`insert into self_ratings (org_id, cycle_id, rep_user_id, behaviour_id, score)
            values (${orgId}, ${a.cycle_id}, ${a.rep_user_id}, ${pick(behaviours)}, ${score()})
            on conflict (org_id, cycle_id, rep_user_id, behaviour_id) do update set score = excluded.score`);
        },
      ],
      [
        "a self-assessment is submitted or reopened",
        async () => {
          const a = await anAssessment();
          await db.execute(sql`update assessments set submitted_at = case when submitted_at is null then now() end, shared_at = null
            where org_id = ${orgId} and cycle_id = ${a.cycle_id} and rep_user_id = ${a.rep_user_id}`);
        },
      ],
      [
        "a rep moves team, or leaves every team",
        () =>
          db.execute(sql`update memberships set team_id = ${next() < 0.2 ? null : pick(teams)} where org_id = ${orgId} and user_id = ${pick(reps)}`),
      ],
      [
        "a rep is deactivated or reactivated",
        () =>
          db.execute(sql`update memberships set status = case when status = 'active' then 'deactivated'::member_status else 'active' end
            where org_id = ${orgId} and user_id = ${pick(reps)}`),
      ],
      [
        "a rep becomes a leader or a rep again",
        () =>
          db.execute(sql`update memberships set role = case when role = 'rep' then 'leader'::member_role else 'rep' end
            where org_id = ${orgId} and user_id = ${pick(reps)}`),
      ],
      [
        "the thresholds or blind mode change",
        () =>
          db.execute(sql`update organisations set blind_spot_gap = ${1 + Math.floor(next() * 4)}, hidden_strength_gap = ${1 + Math.floor(next() * 4)},
            agreed_weakness_max = ${1 + Math.floor(next() * 2)}, agreed_strength_min = ${4 + Math.floor(next() * 2)},
            blind_mode = ${next() < 0.5} where id = ${orgId}`),
      ],
      [
        "a behaviour is archived or restored",
        () =>
          db.execute(sql`update behaviours set archived_at = case when archived_at is null then now() end
            where org_id = ${orgId} and id = ${pick(behaviours)}`),
      ],
      [
        "one statement moves every team's scores of a behaviour",
        () =>
          db.execute(sql`update ratings set score = least(score + 1, 5) where org_id = ${orgId} and behaviour_id = ${pick(behaviours)}
            and score is not null`),
      ],
      [
        "one statement moves several reps at once",
        () => {
          const [from, to] = [pick(teams), pick(teams)];
          return db.execute(sql`update memberships set team_id = ${to} where org_id = ${orgId} and team_id = ${from} and role = 'rep'`);
        },
      ],
    ];

    const done = new Set<string>();
    for (let step = 0; step < 60; step++) {
      const [what, change] = step < changes.length ? changes[step]! : pick(changes);
      await change();
      done.add(what);
      expect(await differingTallies(db, orgId), `after step ${step}: ${what}`).toEqual([]);
    }
    expect(done.size).toBe(changes.length);
  });
});
