import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertBehaviours } from "@/db/queries/behaviours";
import { insertCycle } from "@/db/queries/cycles";
import { executeRows } from "@/db/queries/execute";
import { insertOrganisation } from "@/db/queries/organisations";
import { enterOrganisation } from "@/db/tenant";
import { teams } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { todayIn } from "@/lib/dates";
import { DEMO_PASSWORD } from "@/scripts/seed/demo-people";
import { seedLargeRelationships } from "@/scripts/seed/demo-relationships";
import { LARGE_ADMIN_EMAIL, LARGE_LEADER_EMAIL, LARGE_ORG } from "@/scripts/seed/large-organisation";

/** The largest team: what a leader's grid holds at most in the bench. */
export const LARGEST_TEAM = 500;

/**
 * Team sizes for an organisation of `reps` reps: one team of 500 (or all of them, when fewer), the rest in teams of
 * 10 to 60 (a fixed spread, so every run builds the same organisation); a remainder under 10 joins the last team.
 */
function teamSizes(reps: number): number[] {
  const sizes = [Math.min(LARGEST_TEAM, reps)];
  let left = reps - sizes[0]!;
  for (let k = 0; left > 0; k++) {
    const size = Math.min(left, 10 + ((k * 7) % 51));
    if (size < 10 && sizes.length > 1) sizes[sizes.length - 1]! += size;
    else sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * The bench's organisation at any size (`npm run bench -- --reps=N`), loaded set-based: every row of people,
 * ratings and coaching comes from one INSERT … SELECT over generate_series per table, so 20,000 reps (960,000 leader
 * ratings) load in about a minute. The same shape and slug as the large organisation (scripts/seed/large-organisation.ts):
 * its admin and the leader of the largest team sign in with the demo password; 12 behaviours; 4 cycles (3 closed,
 * 1 open), every rep rated in each; in the open cycle two reps in three have submitted a self-assessment (every
 * third of them shared), one in ten has a coaching plan with two actions, three in four a 1:1 note; each leader has
 * three relationships; the audit log holds three events per rep.
 */
export async function seedScaleOrganisation(db: Db, reps: number): Promise<{ teams: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const sizes = teamSizes(reps);
  await db.transaction(async (tx) => {
    const org = await insertOrganisation(tx, LARGE_ORG);
    await enterOrganisation(tx, org.id);
    const teamRows: { id: string }[] = [];
    for (let i = 0; i < sizes.length; i += 1000) {
      teamRows.push(
        ...(await tx
          .insert(teams)
          .values(sizes.slice(i, i + 1000).map((_, k) => ({ orgId: org.id, name: `Team ${String(i + k + 1).padStart(4, "0")}` })))
          .returning({ id: teams.id })),
      );
    }
    const teamIds = teamRows.map((t) => t.id);
    const behaviourRows = await insertBehaviours(
      tx,
      org.id,
      Array.from({ length: 12 }, (_, i) => ({
        name: `Behaviour ${i + 1}`,
        description: `What behaviour ${i + 1} means here.`,
        level1: "Rarely shows it.",
        level3: "Shows it most of the time.",
        level5: "Shows it always and coaches others in it.",
      })),
    );
    const cycleIds: string[] = [];
    for (let c = 0; c < 4; c++) {
      const cycle = await insertCycle(tx, org.id, {
        name: `Cycle ${c + 1}`,
        status: c === 3 ? "open" : "closed",
        openedAt: new Date(),
        closedAt: c === 3 ? null : new Date(),
      });
      cycleIds.push(cycle.id);
    }
    const behaviourIds = behaviourRows.map((b) => b.id);
    const uuids = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
    const ints = (ns: readonly number[]) => sql`${`{${ns.join(",")}}`}::int[]`;

    // Who is who: t = the team's number (1-based), r = the rep's number in it (0-based); leaders have r = -1.
    await tx.execute(sql`create temporary table bench_people (email text primary key, name text, role member_role, team_id uuid,
      t int, r int, user_id uuid) on commit drop`);
    await tx.execute(sql`insert into bench_people (email, name, role, team_id, t, r)
      select ${LARGE_ADMIN_EMAIL}, 'Alex Admin', 'admin'::member_role, null::uuid, 0, -1
      union all
      select case when t = 1 then ${LARGE_LEADER_EMAIL} else 'leader' || t || '@large.example' end, 'Leader ' || t, 'leader', team_id, t, -1
        from unnest(${uuids(teamIds)}) with ordinality as x(team_id, t)
      union all
      select 'rep' || t || '-' || (r + 1) || '@large.example', 'Rep ' || t || '-' || (r + 1), 'rep', team_id, t, r
        from unnest(${uuids(teamIds)}, ${ints(sizes)}) with ordinality as x(team_id, size, t), generate_series(0, size - 1) as r`);
    await tx.execute(sql`with created as (
        insert into users (email, name, password_hash) select email, name, ${passwordHash} from bench_people returning id, email)
      update bench_people p set user_id = c.id from created c where c.email = p.email`);
    await tx.execute(sql`insert into memberships (org_id, user_id, role, team_id)
      select ${org.id}::uuid, user_id, role, case when role = 'rep' then team_id end from bench_people`);
    await tx.execute(
      sql`insert into team_leaders (org_id, team_id, user_id) select ${org.id}::uuid, team_id, user_id from bench_people where role = 'leader'`,
    );
    await tx.execute(sql`create temporary table bench_reps on commit drop as
      select p.user_id, p.r, p.t, l.user_id as leader_id from bench_people p join bench_people l on l.t = p.t and l.role = 'leader'
      where p.role = 'rep'`);
    await tx.execute(sql`create temporary table bench_behaviours on commit drop as
      select id, (i - 1)::int as i from unnest(${uuids(behaviourIds)}) with ordinality as x(id, i)`);

    const admin = sql`(select user_id from bench_people where role = 'admin')`;
    // Leader ratings: every rep on every behaviour in every cycle (the large organisation's pattern).
    await tx.execute(sql`insert into ratings (org_id, cycle_id, rep_user_id, behaviour_id, score, updated_by)
      select ${org.id}::uuid, cycle_id, p.user_id, b.id, ((p.r + b.i + (c - 1)) % 5) + 1, ${admin}
      from unnest(${uuids(cycleIds)}) with ordinality as x(cycle_id, c), bench_reps p, bench_behaviours b
      order by 1, 2, 3, 4`);

    const open = cycleIds[3]!;
    // Self-assessments in the open cycle: two reps in three submitted, every third of those shared.
    await tx.execute(sql`insert into assessments (org_id, cycle_id, rep_user_id, submitted_at, shared_at, shared_by)
      select ${org.id}::uuid, ${open}::uuid, user_id, now(), case when r % 3 = 2 then now() end, case when r % 3 = 2 then leader_id end
      from bench_reps where r % 3 <> 0`);
    await tx.execute(sql`insert into self_ratings (org_id, cycle_id, rep_user_id, behaviour_id, score)
      select ${org.id}::uuid, ${open}::uuid, p.user_id, b.id, ((p.r * 2 + b.i * 3 + 1) % 5) + 1
      from bench_reps p, bench_behaviours b where p.r % 3 <> 0`);
    // Coaching plans (one rep in ten is active, done or dropped), each with two actions, its score then from the rating.
    const today = todayIn(LARGE_ORG.timeZone);
    await tx.execute(sql`create temporary table bench_plans on commit drop as
      select gen_random_uuid() as id, p.user_id, p.r, p.leader_id, b.id as behaviour_id,
        (array['active', 'done', 'dropped'])[p.r % 10 + 1]::plan_status as status
      from bench_reps p join bench_behaviours b on b.i = p.r % 12 where p.r % 10 < 3`);
    await tx.execute(sql`insert into coaching_plans (org_id, id, rep_user_id, behaviour_id, cycle_id, score_then, target_score, due_on, status, created_by)
      select ${org.id}::uuid, pl.id, pl.user_id, pl.behaviour_id, ${open}::uuid,
        (select score from ratings r where r.org_id = ${org.id}::uuid and r.cycle_id = ${open}::uuid and r.rep_user_id = pl.user_id and r.behaviour_id = pl.behaviour_id),
        4, ${today}::date + (pl.r % 20 - 5), pl.status, pl.leader_id
      from bench_plans pl`);
    await tx.execute(sql`insert into coaching_plan_actions (org_id, plan_id, description, position, done_at, done_by)
      select ${org.id}::uuid, id, 'Practise with your leader', 1, case when status = 'done' then now() end, case when status = 'done' then user_id end
      from bench_plans
      union all
      select ${org.id}::uuid, id, 'Shadow a colleague', 2, null, null from bench_plans`);
    await tx.execute(sql`insert into one_on_one_notes (org_id, rep_user_id, author_user_id, held_on, shared, body)
      select ${org.id}::uuid, user_id, leader_id, ${today}::date - (r % 25), r % 2 = 0, '1:1 number ' || (r + 1) || ': pipeline review and next steps.'
      from bench_reps where r % 4 <> 0`);
    // The audit log: three saves per rep over the last 90 days, as the grid records them.
    await tx.execute(sql`insert into audit_events (org_id, actor_user_id, action, target_type, target_id, target_label, before, after, created_at)
      select ${org.id}::uuid, p.leader_id, 'grid.rate', 'rating', p.user_id::text, 'Rep ' || p.t || '-' || (p.r + 1),
        jsonb_build_object('score', k), jsonb_build_object('score', k % 5 + 1), now() - make_interval(mins => ((p.r * 7 + p.t * 13 + k * 1000) % 129600))
      from bench_reps p, generate_series(1, 3) as k`);
    const rows = await executeRows<{ user_id: string }>(tx, sql`select user_id from bench_people where role = 'leader' order by t`);
    await seedLargeRelationships(
      tx,
      org.id,
      rows.map((row) => row.user_id),
    );
  });
  // A bulk load leaves the planner without statistics (see seedLargeOrganisation).
  await db.execute(sql`analyze`);
  return { teams: sizes.length };
}
