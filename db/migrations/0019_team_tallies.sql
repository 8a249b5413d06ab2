CREATE TABLE "rep_tallies" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"raw_label" text,
	"relative_label" text,
	CONSTRAINT "rep_tallies_org_id_cycle_id_rep_user_id_behaviour_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id","behaviour_id")
);
--> statement-breakpoint
CREATE TABLE "team_tallies" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	"score_sum" integer DEFAULT 0 NOT NULL,
	"score_count" integer DEFAULT 0 NOT NULL,
	"raw_blind_spots" integer DEFAULT 0 NOT NULL,
	"raw_hidden_strengths" integer DEFAULT 0 NOT NULL,
	"raw_agreed_weaknesses" integer DEFAULT 0 NOT NULL,
	"raw_agreed_strengths" integer DEFAULT 0 NOT NULL,
	"raw_aligned" integer DEFAULT 0 NOT NULL,
	"relative_blind_spots" integer DEFAULT 0 NOT NULL,
	"relative_hidden_strengths" integer DEFAULT 0 NOT NULL,
	"relative_agreed_weaknesses" integer DEFAULT 0 NOT NULL,
	"relative_agreed_strengths" integer DEFAULT 0 NOT NULL,
	"relative_aligned" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "team_tallies_org_id_cycle_id_team_id_behaviour_id_pk" PRIMARY KEY("org_id","cycle_id","team_id","behaviour_id")
);
--> statement-breakpoint
ALTER TABLE "rep_tallies" ADD CONSTRAINT "rep_tallies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_tallies" ADD CONSTRAINT "rep_tallies_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_tallies" ADD CONSTRAINT "rep_tallies_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_tallies" ADD CONSTRAINT "rep_tallies_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_tallies" ADD CONSTRAINT "rep_tallies_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT "tenant_wall"(t) FROM unnest(ARRAY['team_tallies', 'rep_tallies']::regclass[]) AS t;
--> statement-breakpoint
-- labelOf (lib/coaching/rules.ts) in SQL, the one copy every query uses (db/queries/rules.ts, labelSql): the label of
-- a (self, leader) pair, null when either is missing; `gap_offset` is taken off the gap (a rep's tendency).
CREATE FUNCTION "coaching_label"(self numeric, leader numeric, gap_offset numeric, blind_spot_gap numeric,
  hidden_strength_gap numeric, agreed_weakness_max numeric, agreed_strength_min numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN self IS NULL OR leader IS NULL THEN NULL
    WHEN self - leader - gap_offset >= blind_spot_gap THEN 'blind_spot'
    WHEN self - leader - gap_offset <= -hidden_strength_gap THEN 'hidden_strength'
    WHEN self <= agreed_weakness_max AND leader <= agreed_weakness_max THEN 'agreed_weakness'
    WHEN self >= agreed_strength_min AND leader >= agreed_strength_min THEN 'agreed_strength'
    ELSE 'aligned' END
$$;
--> statement-breakpoint
-- The rep_tallies rows of an organisation, computed from its ratings: of some cycles and reps (null: all; the reps
-- with a team), or of its reps without a team instead (`teamless`). A row per present leader score of an active
-- rep, with both labels: active behaviours only, a self score only where the coach may see it (coachSeesSelf: with
-- blind mode on, once the rep has submitted), and for the relative basis the gap less the rep's tendency, their mean
-- self-minus-leader gap over the cycle's active pairs, from 3 of them (selfTendency, TENDENCY_MIN_BEHAVIOURS).
CREATE FUNCTION "tally_pairs"(org uuid, cycle_ids uuid[], rep_ids uuid[], teamless boolean)
RETURNS TABLE (cycle_id uuid, rep_user_id uuid, behaviour_id uuid, team_id uuid, score smallint, raw_label text,
  relative_label text)
LANGUAGE sql STABLE AS $$
  -- The reps first, each case its own branch (a one-time filter skips the others), so a few reps' ratings are
  -- reached through their key and the whole organisation's are hashed.
  WITH reps AS (
    SELECT m.user_id, m.team_id FROM memberships m
    WHERE teamless AND m.org_id = org AND m.role = 'rep' AND m.status = 'active' AND m.team_id IS NULL
    UNION ALL
    SELECT m.user_id, m.team_id FROM memberships m JOIN unnest(rep_ids) AS named(id) ON m.user_id = named.id
    WHERE NOT teamless AND rep_ids IS NOT NULL AND m.org_id = org
      AND m.role = 'rep' AND m.status = 'active' AND m.team_id IS NOT NULL
    UNION ALL
    SELECT m.user_id, m.team_id FROM memberships m
    WHERE NOT teamless AND rep_ids IS NULL AND m.org_id = org AND m.role = 'rep' AND m.status = 'active'
      AND m.team_id IS NOT NULL
  ), pairs AS (
    SELECT r.cycle_id, r.rep_user_id, r.behaviour_id, reps.team_id, r.score AS leader, b.archived_at IS NULL AS active,
      CASE WHEN b.archived_at IS NULL AND (NOT o.blind_mode OR a.submitted_at IS NOT NULL) THEN s.score END AS self,
      o.blind_spot_gap, o.hidden_strength_gap, o.agreed_weakness_max, o.agreed_strength_min
    FROM reps
    JOIN ratings r ON r.org_id = org AND r.rep_user_id = reps.user_id
    JOIN organisations o ON o.id = org
    JOIN behaviours b ON b.org_id = r.org_id AND b.id = r.behaviour_id
    LEFT JOIN self_ratings s ON s.org_id = r.org_id AND s.cycle_id = r.cycle_id AND s.rep_user_id = r.rep_user_id
      AND s.behaviour_id = r.behaviour_id
    LEFT JOIN assessments a ON a.org_id = r.org_id AND a.cycle_id = r.cycle_id AND a.rep_user_id = r.rep_user_id
    WHERE r.score IS NOT NULL AND (cycle_ids IS NULL OR r.cycle_id = ANY (cycle_ids))
  )
  SELECT p.cycle_id, p.rep_user_id, p.behaviour_id, p.team_id, p.leader,
    coaching_label(p.self, p.leader, 0, p.blind_spot_gap, p.hidden_strength_gap, p.agreed_weakness_max, p.agreed_strength_min),
    coaching_label(p.self, p.leader,
      CASE WHEN count(p.self) OVER rep >= 3 THEN avg(p.self - p.leader) OVER rep ELSE 0 END,
      p.blind_spot_gap, p.hidden_strength_gap, p.agreed_weakness_max, p.agreed_strength_min)
  FROM pairs p
  WINDOW rep AS (PARTITION BY p.cycle_id, p.rep_user_id, p.active)
$$;
--> statement-breakpoint
-- The team_tallies rows computed afresh: tally_pairs summed per cycle, team and behaviour (of the reps without a
-- team, `teamless`, for the roll-ups' organisation rows; of every team, what the tests compare the stored rows with).
CREATE FUNCTION "team_tally_rows"(org uuid, cycle_ids uuid[], teamless boolean)
RETURNS TABLE (cycle_id uuid, team_id uuid, behaviour_id uuid, score_sum integer, score_count integer,
  raw_blind_spots integer, raw_hidden_strengths integer, raw_agreed_weaknesses integer, raw_agreed_strengths integer,
  raw_aligned integer, relative_blind_spots integer, relative_hidden_strengths integer, relative_agreed_weaknesses integer,
  relative_agreed_strengths integer, relative_aligned integer)
LANGUAGE sql STABLE AS $$
  SELECT cycle_id, team_id, behaviour_id, sum(score)::int, count(*)::int,
    (count(*) FILTER (WHERE raw_label = 'blind_spot'))::int, (count(*) FILTER (WHERE raw_label = 'hidden_strength'))::int,
    (count(*) FILTER (WHERE raw_label = 'agreed_weakness'))::int, (count(*) FILTER (WHERE raw_label = 'agreed_strength'))::int,
    (count(*) FILTER (WHERE raw_label = 'aligned'))::int,
    (count(*) FILTER (WHERE relative_label = 'blind_spot'))::int, (count(*) FILTER (WHERE relative_label = 'hidden_strength'))::int,
    (count(*) FILTER (WHERE relative_label = 'agreed_weakness'))::int, (count(*) FILTER (WHERE relative_label = 'agreed_strength'))::int,
    (count(*) FILTER (WHERE relative_label = 'aligned'))::int
  FROM tally_pairs(org, cycle_ids, NULL, teamless)
  GROUP BY cycle_id, team_id, behaviour_id
$$;
--> statement-breakpoint
-- The advisory lock keys: a refresh of a few reps holds its organisation's key shared and each rep's exclusively; a
-- rebuild, or a refresh of many reps, holds the organisation's exclusively. Held to the end of the transaction.
CREATE FUNCTION "tallies_lock_key"(org uuid, rep uuid) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT hashtextextended('tallies:' || org || ':' || coalesce(rep::text, ''), 0)
$$;
--> statement-breakpoint
-- Recomputes some reps' rep_tallies rows in some cycles (null: every cycle) and adds the difference to their teams'
-- team_tallies rows, inside the organisation's wall. A save changes a few pairs, so it touches a few team rows, and
-- only their locks are held until it commits: savers in one team wait at most for the end of each other's save,
-- savers in different teams never. Refreshes of one rep take turns (an advisory lock), and each reads the rep's data
-- once it has the lock, so two saves committed one after the other leave the later one's figures.
CREATE FUNCTION "refresh_rep_tallies"(org uuid, cycle_ids uuid[], rep_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
  emptied_cycles uuid[];
  emptied_teams uuid[];
  emptied_behaviours uuid[];
BEGIN
  PERFORM set_config('app.org_id', org::text, true);
  -- Distinct ids, in order, so two refreshes of the same reps take their locks in the same order (a statement's
  -- transition table may name a rep many times).
  rep_ids := ARRAY(SELECT DISTINCT r FROM unnest(rep_ids) AS r ORDER BY r);
  -- A statement of many reps (an import, a bulk move) takes the organisation's lock instead: the lock table has room
  -- for a few thousand locks across all connections.
  IF cardinality(rep_ids) > 200 THEN
    PERFORM pg_advisory_xact_lock(tallies_lock_key(org, NULL));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(tallies_lock_key(org, NULL));
    PERFORM pg_advisory_xact_lock(tallies_lock_key(org, r)) FROM unnest(rep_ids) AS r;
  END IF;
  -- Named, so the rows are reached through their keys (org, cycle, rep).
  IF cycle_ids IS NULL THEN
    cycle_ids := ARRAY(SELECT c.id FROM cycles c WHERE c.org_id = org);
  END IF;
  -- The reps' rows computed afresh against those stored: the changed ones are written, the ones gone deleted, and the
  -- difference moves their teams' rows. All set operations: no row is looked up in another set one by one.
  WITH old AS (
    SELECT t.cycle_id, t.rep_user_id, t.behaviour_id, t.team_id, t.score, t.raw_label, t.relative_label
    FROM rep_tallies t JOIN unnest(rep_ids) AS named(id) ON t.rep_user_id = named.id
    WHERE t.org_id = org AND t.cycle_id = ANY (cycle_ids)
  ), fresh AS (
    SELECT * FROM tally_pairs(org, cycle_ids, rep_ids, false)
  ), changes AS (
    SELECT 1 AS sign, * FROM (SELECT * FROM fresh EXCEPT ALL SELECT * FROM old) AS added
    UNION ALL
    SELECT -1, * FROM (SELECT * FROM old EXCEPT ALL SELECT * FROM fresh) AS removed
  ), put AS (
    INSERT INTO rep_tallies AS t (org_id, cycle_id, rep_user_id, behaviour_id, team_id, score, raw_label, relative_label)
    SELECT org, c.cycle_id, c.rep_user_id, c.behaviour_id, c.team_id, c.score, c.raw_label, c.relative_label FROM changes c WHERE c.sign = 1
    ON CONFLICT (org_id, cycle_id, rep_user_id, behaviour_id) DO UPDATE SET team_id = excluded.team_id, score = excluded.score,
      raw_label = excluded.raw_label, relative_label = excluded.relative_label
  ), gone AS (
    DELETE FROM rep_tallies t
    USING (SELECT cycle_id, rep_user_id, behaviour_id FROM old EXCEPT SELECT cycle_id, rep_user_id, behaviour_id FROM fresh) AS g
    WHERE t.org_id = org AND t.cycle_id = g.cycle_id AND t.rep_user_id = g.rep_user_id AND t.behaviour_id = g.behaviour_id
  ), delta AS (
    SELECT c.cycle_id, c.team_id, c.behaviour_id, sum(c.sign * c.score)::int AS score_sum, sum(c.sign)::int AS score_count,
      coalesce(sum(c.sign) FILTER (WHERE c.raw_label = 'blind_spot'), 0)::int AS raw_blind_spots,
      coalesce(sum(c.sign) FILTER (WHERE c.raw_label = 'hidden_strength'), 0)::int AS raw_hidden_strengths,
      coalesce(sum(c.sign) FILTER (WHERE c.raw_label = 'agreed_weakness'), 0)::int AS raw_agreed_weaknesses,
      coalesce(sum(c.sign) FILTER (WHERE c.raw_label = 'agreed_strength'), 0)::int AS raw_agreed_strengths,
      coalesce(sum(c.sign) FILTER (WHERE c.raw_label = 'aligned'), 0)::int AS raw_aligned,
      coalesce(sum(c.sign) FILTER (WHERE c.relative_label = 'blind_spot'), 0)::int AS relative_blind_spots,
      coalesce(sum(c.sign) FILTER (WHERE c.relative_label = 'hidden_strength'), 0)::int AS relative_hidden_strengths,
      coalesce(sum(c.sign) FILTER (WHERE c.relative_label = 'agreed_weakness'), 0)::int AS relative_agreed_weaknesses,
      coalesce(sum(c.sign) FILTER (WHERE c.relative_label = 'agreed_strength'), 0)::int AS relative_agreed_strengths,
      coalesce(sum(c.sign) FILTER (WHERE c.relative_label = 'aligned'), 0)::int AS relative_aligned
    FROM changes c GROUP BY c.cycle_id, c.team_id, c.behaviour_id
  ), moved AS (
    -- In key order, so two saves that touch the same team rows lock them in the same order.
    INSERT INTO team_tallies AS t (org_id, cycle_id, team_id, behaviour_id, score_sum, score_count,
      raw_blind_spots, raw_hidden_strengths, raw_agreed_weaknesses, raw_agreed_strengths, raw_aligned,
      relative_blind_spots, relative_hidden_strengths, relative_agreed_weaknesses, relative_agreed_strengths, relative_aligned)
    SELECT org, d.* FROM delta d ORDER BY d.cycle_id, d.team_id, d.behaviour_id
    ON CONFLICT (org_id, cycle_id, team_id, behaviour_id) DO UPDATE SET
      score_sum = t.score_sum + excluded.score_sum, score_count = t.score_count + excluded.score_count,
      raw_blind_spots = t.raw_blind_spots + excluded.raw_blind_spots,
      raw_hidden_strengths = t.raw_hidden_strengths + excluded.raw_hidden_strengths,
      raw_agreed_weaknesses = t.raw_agreed_weaknesses + excluded.raw_agreed_weaknesses,
      raw_agreed_strengths = t.raw_agreed_strengths + excluded.raw_agreed_strengths,
      raw_aligned = t.raw_aligned + excluded.raw_aligned,
      relative_blind_spots = t.relative_blind_spots + excluded.relative_blind_spots,
      relative_hidden_strengths = t.relative_hidden_strengths + excluded.relative_hidden_strengths,
      relative_agreed_weaknesses = t.relative_agreed_weaknesses + excluded.relative_agreed_weaknesses,
      relative_agreed_strengths = t.relative_agreed_strengths + excluded.relative_agreed_strengths,
      relative_aligned = t.relative_aligned + excluded.relative_aligned
    RETURNING t.cycle_id, t.team_id, t.behaviour_id, t.score_count
  )
  SELECT array_agg(m.cycle_id), array_agg(m.team_id), array_agg(m.behaviour_id)
  INTO emptied_cycles, emptied_teams, emptied_behaviours
  FROM moved m WHERE m.score_count = 0;
  -- A team row whose last score went: gone, as a fresh aggregate has no such row.
  IF emptied_cycles IS NOT NULL THEN
    DELETE FROM team_tallies t USING unnest(emptied_cycles, emptied_teams, emptied_behaviours) AS e(cycle_id, team_id, behaviour_id)
    WHERE t.org_id = org AND t.cycle_id = e.cycle_id AND t.team_id = e.team_id AND t.behaviour_id = e.behaviour_id AND t.score_count = 0;
  END IF;
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
END $$;
--> statement-breakpoint
-- Recomputes every tally of an organisation: when what every label depends on changes (thresholds, blind mode, the
-- active behaviours), and once for the ratings this migration finds.
CREATE FUNCTION "rebuild_tallies"(org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
BEGIN
  PERFORM set_config('app.org_id', org::text, true);
  PERFORM pg_advisory_xact_lock(tallies_lock_key(org, NULL));
  DELETE FROM rep_tallies WHERE org_id = org;
  DELETE FROM team_tallies WHERE org_id = org;
  -- Every counted rep, through the refresh: the team rows are the sum of their differences from nothing.
  PERFORM refresh_rep_tallies(org, NULL, ARRAY(SELECT m.user_id FROM memberships m
    WHERE m.org_id = org AND m.role = 'rep' AND m.status = 'active' AND m.team_id IS NOT NULL));
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
END $$;
--> statement-breakpoint
-- Ratings, self ratings and assessments (`changed`: the statement's rows): their reps, in their cycles.
CREATE FUNCTION "refresh_tallies_of_reps"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT c.org_id, array_agg(DISTINCT c.cycle_id) AS cycle_ids, array_agg(DISTINCT c.rep_user_id) AS rep_ids
    FROM changed c GROUP BY c.org_id ORDER BY c.org_id
  LOOP
    PERFORM refresh_rep_tallies(k.org_id, k.cycle_ids, k.rep_ids);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "track_tallies"("tbl" regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER tallies_ins AFTER INSERT ON %s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_tallies_of_reps()', tbl);
  EXECUTE format('CREATE TRIGGER tallies_upd AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_tallies_of_reps()', tbl);
  EXECUTE format('CREATE TRIGGER tallies_del AFTER DELETE ON %s REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_tallies_of_reps()', tbl);
END $$;
--> statement-breakpoint
SELECT "track_tallies"(t) FROM unnest(ARRAY['ratings', 'self_ratings', 'assessments']::regclass[]) AS t;
--> statement-breakpoint
-- A rep who changes team, role or status: their rows move to the new team, or go, in every cycle.
CREATE FUNCTION "refresh_tallies_of_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT n.org_id, array_agg(DISTINCT n.user_id) AS rep_ids
    FROM old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.user_id = o.user_id
    WHERE (o.team_id, o.role, o.status) IS DISTINCT FROM (n.team_id, n.role, n.status) AND 'rep' IN (o.role, n.role)
    GROUP BY n.org_id ORDER BY n.org_id
  LOOP
    PERFORM refresh_rep_tallies(k.org_id, NULL, k.rep_ids);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tallies_upd AFTER UPDATE ON "memberships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION refresh_tallies_of_memberships();
--> statement-breakpoint
CREATE FUNCTION "rebuild_tallies_of_organisations"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.blind_mode, o.blind_spot_gap, o.hidden_strength_gap, o.agreed_weakness_max, o.agreed_strength_min)
      IS DISTINCT FROM (n.blind_mode, n.blind_spot_gap, n.hidden_strength_gap, n.agreed_weakness_max, n.agreed_strength_min)
    ORDER BY n.id
  LOOP
    PERFORM rebuild_tallies(org);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tallies_upd AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rebuild_tallies_of_organisations();
--> statement-breakpoint
CREATE FUNCTION "rebuild_tallies_of_behaviours"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT n.org_id FROM old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.id = o.id
    WHERE (o.archived_at IS NULL) IS DISTINCT FROM (n.archived_at IS NULL) ORDER BY n.org_id
  LOOP
    PERFORM rebuild_tallies(org);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tallies_upd AFTER UPDATE ON "behaviours" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rebuild_tallies_of_behaviours();
--> statement-breakpoint
SELECT rebuild_tallies(o.id) FROM organisations o;
