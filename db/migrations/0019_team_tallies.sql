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
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tallies" ADD CONSTRAINT "team_tallies_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT "tenant_wall"('team_tallies'::regclass);
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
-- The team_tallies rows of an organisation's active reps, computed from the ratings: of some cycles (null: every
-- cycle), of some teams (null: every team), or of the reps without a team instead (`teamless`). Per cycle, team and
-- behaviour: the sum and count of present leader scores, and per gap basis how many pairs fall under each label.
-- Labels count active behaviours only, and a self score only where the coach may see it (coachSeesSelf: with blind
-- mode on, once the rep has submitted); the relative basis takes off the rep's tendency, their mean self-minus-leader
-- gap over the cycle's active pairs, from 3 of them (selfTendency, TENDENCY_MIN_BEHAVIOURS).
CREATE FUNCTION "team_tally_rows"(org uuid, cycle_ids uuid[], team_ids uuid[], teamless boolean)
RETURNS TABLE (cycle_id uuid, team_id uuid, behaviour_id uuid, score_sum integer, score_count integer,
  raw_blind_spots integer, raw_hidden_strengths integer, raw_agreed_weaknesses integer, raw_agreed_strengths integer,
  raw_aligned integer, relative_blind_spots integer, relative_hidden_strengths integer, relative_agreed_weaknesses integer,
  relative_agreed_strengths integer, relative_aligned integer)
LANGUAGE sql STABLE AS $$
  -- The reps first, each case its own branch (a one-time filter skips the others), so the ratings are reached
  -- through their key for a team's few reps and hashed only when every team is recomputed.
  WITH reps AS (
    SELECT m.user_id, m.team_id FROM memberships m
    WHERE teamless AND m.org_id = org AND m.role = 'rep' AND m.status = 'active' AND m.team_id IS NULL
    UNION ALL
    SELECT m.user_id, m.team_id FROM memberships m
    WHERE NOT teamless AND team_ids IS NOT NULL AND m.org_id = org AND m.role = 'rep' AND m.status = 'active'
      AND m.team_id = ANY (team_ids)
    UNION ALL
    SELECT m.user_id, m.team_id FROM memberships m
    WHERE NOT teamless AND team_ids IS NULL AND m.org_id = org AND m.role = 'rep' AND m.status = 'active'
      AND m.team_id IS NOT NULL
  ), pairs AS (
    SELECT r.cycle_id, reps.team_id, r.rep_user_id, r.behaviour_id, r.score AS leader, b.archived_at IS NULL AS active,
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
  ), labelled AS (
    SELECT p.cycle_id, p.team_id, p.behaviour_id, p.leader,
      coaching_label(p.self, p.leader, 0, p.blind_spot_gap, p.hidden_strength_gap, p.agreed_weakness_max, p.agreed_strength_min) AS raw,
      coaching_label(p.self, p.leader,
        CASE WHEN count(p.self) OVER rep >= 3 THEN avg(p.self - p.leader) OVER rep ELSE 0 END,
        p.blind_spot_gap, p.hidden_strength_gap, p.agreed_weakness_max, p.agreed_strength_min) AS relative
    FROM pairs p
    WINDOW rep AS (PARTITION BY p.cycle_id, p.rep_user_id, p.active)
  )
  SELECT cycle_id, team_id, behaviour_id, sum(leader)::int, count(*)::int,
    (count(*) FILTER (WHERE raw = 'blind_spot'))::int, (count(*) FILTER (WHERE raw = 'hidden_strength'))::int,
    (count(*) FILTER (WHERE raw = 'agreed_weakness'))::int, (count(*) FILTER (WHERE raw = 'agreed_strength'))::int,
    (count(*) FILTER (WHERE raw = 'aligned'))::int,
    (count(*) FILTER (WHERE relative = 'blind_spot'))::int, (count(*) FILTER (WHERE relative = 'hidden_strength'))::int,
    (count(*) FILTER (WHERE relative = 'agreed_weakness'))::int, (count(*) FILTER (WHERE relative = 'agreed_strength'))::int,
    (count(*) FILTER (WHERE relative = 'aligned'))::int
  FROM labelled
  GROUP BY cycle_id, team_id, behaviour_id
$$;
--> statement-breakpoint
-- Recomputes the team_tallies rows of some cycles and teams of an organisation (null: all), inside its wall.
-- Refreshes of one team take turns (an advisory lock per team, held to the end of the transaction; a refresh of
-- every team locks the organisation), and each reads the ratings after it has its lock, so two saves committed one
-- after the other leave the later one's figures: no lost update. Leaders of different teams never wait on each other.
CREATE FUNCTION "refresh_team_tallies"(org uuid, cycle_ids uuid[], team_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
BEGIN
  PERFORM set_config('app.org_id', org::text, true);
  -- Every cycle of some teams: named, so their ratings are still reached through their key (org, cycle, rep).
  IF cycle_ids IS NULL AND team_ids IS NOT NULL THEN
    cycle_ids := ARRAY(SELECT c.id FROM cycles c WHERE c.org_id = org);
  END IF;
  IF team_ids IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('team_tallies:' || org, 0));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('team_tallies:' || org, 0));
    PERFORM pg_advisory_xact_lock(hashtextextended('team_tallies:' || org || ':' || t, 0))
      FROM (SELECT DISTINCT t FROM unnest(team_ids) AS t ORDER BY t) AS sorted;
  END IF;
  WITH fresh AS (
    SELECT * FROM team_tally_rows(org, cycle_ids, team_ids, false)
  ), gone AS (
    DELETE FROM team_tallies t
    WHERE t.org_id = org AND (cycle_ids IS NULL OR t.cycle_id = ANY (cycle_ids)) AND (team_ids IS NULL OR t.team_id = ANY (team_ids))
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.cycle_id = t.cycle_id AND f.team_id = t.team_id AND f.behaviour_id = t.behaviour_id)
  )
  INSERT INTO team_tallies AS t (org_id, cycle_id, team_id, behaviour_id, score_sum, score_count,
    raw_blind_spots, raw_hidden_strengths, raw_agreed_weaknesses, raw_agreed_strengths, raw_aligned,
    relative_blind_spots, relative_hidden_strengths, relative_agreed_weaknesses, relative_agreed_strengths, relative_aligned)
  SELECT org, f.* FROM fresh f
  ON CONFLICT (org_id, cycle_id, team_id, behaviour_id) DO UPDATE SET
    score_sum = excluded.score_sum, score_count = excluded.score_count,
    raw_blind_spots = excluded.raw_blind_spots, raw_hidden_strengths = excluded.raw_hidden_strengths,
    raw_agreed_weaknesses = excluded.raw_agreed_weaknesses, raw_agreed_strengths = excluded.raw_agreed_strengths,
    raw_aligned = excluded.raw_aligned, relative_blind_spots = excluded.relative_blind_spots,
    relative_hidden_strengths = excluded.relative_hidden_strengths,
    relative_agreed_weaknesses = excluded.relative_agreed_weaknesses,
    relative_agreed_strengths = excluded.relative_agreed_strengths, relative_aligned = excluded.relative_aligned
  WHERE (t.*) IS DISTINCT FROM (excluded.*);
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
END $$;
--> statement-breakpoint
-- Ratings, self ratings and assessments (`changed`: the statement's rows): the teams of their reps, in their cycles.
CREATE FUNCTION "refresh_team_tallies_of_reps"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
  k record;
BEGIN
  FOR k IN SELECT c.org_id, array_agg(DISTINCT c.cycle_id) AS cycle_ids, array_agg(DISTINCT c.rep_user_id) AS rep_ids
    FROM changed c GROUP BY c.org_id ORDER BY c.org_id
  LOOP
    PERFORM set_config('app.org_id', k.org_id::text, true);
    PERFORM refresh_team_tallies(k.org_id, k.cycle_ids,
      ARRAY(SELECT DISTINCT m.team_id FROM memberships m
        WHERE m.org_id = k.org_id AND m.user_id = ANY (k.rep_ids) AND m.team_id IS NOT NULL));
  END LOOP;
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "track_team_tallies"("tbl" regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER team_tallies_ins AFTER INSERT ON %s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_team_tallies_of_reps()', tbl);
  EXECUTE format('CREATE TRIGGER team_tallies_upd AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_team_tallies_of_reps()', tbl);
  EXECUTE format('CREATE TRIGGER team_tallies_del AFTER DELETE ON %s REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_team_tallies_of_reps()', tbl);
END $$;
--> statement-breakpoint
SELECT "track_team_tallies"(t) FROM unnest(ARRAY['ratings', 'self_ratings', 'assessments']::regclass[]) AS t;
--> statement-breakpoint
-- A rep who changes team, role or status moves their figures out of one team and into another, in every cycle.
CREATE FUNCTION "refresh_team_tallies_of_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
  k record;
BEGIN
  FOR k IN SELECT n.org_id, array_agg(DISTINCT t) FILTER (WHERE t IS NOT NULL) AS team_ids
    FROM old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.user_id = o.user_id
    CROSS JOIN LATERAL unnest(ARRAY[o.team_id, n.team_id]) AS t
    WHERE (o.team_id, o.role, o.status) IS DISTINCT FROM (n.team_id, n.role, n.status) AND 'rep' IN (o.role, n.role)
    GROUP BY n.org_id ORDER BY n.org_id
  LOOP
    IF k.team_ids IS NOT NULL THEN
      PERFORM refresh_team_tallies(k.org_id, NULL, k.team_ids);
    END IF;
  END LOOP;
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER team_tallies_upd AFTER UPDATE ON "memberships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION refresh_team_tallies_of_memberships();
--> statement-breakpoint
-- What every label depends on: the organisation's thresholds and blind mode, and which behaviours are active.
CREATE FUNCTION "refresh_team_tallies_of_organisations"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.blind_mode, o.blind_spot_gap, o.hidden_strength_gap, o.agreed_weakness_max, o.agreed_strength_min)
      IS DISTINCT FROM (n.blind_mode, n.blind_spot_gap, n.hidden_strength_gap, n.agreed_weakness_max, n.agreed_strength_min)
    ORDER BY n.id
  LOOP
    PERFORM refresh_team_tallies(org, NULL, NULL);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER team_tallies_upd AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION refresh_team_tallies_of_organisations();
--> statement-breakpoint
CREATE FUNCTION "refresh_team_tallies_of_behaviours"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT n.org_id FROM old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.id = o.id
    WHERE (o.archived_at IS NULL) IS DISTINCT FROM (n.archived_at IS NULL) ORDER BY n.org_id
  LOOP
    PERFORM refresh_team_tallies(org, NULL, NULL);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER team_tallies_upd AFTER UPDATE ON "behaviours" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION refresh_team_tallies_of_behaviours();
--> statement-breakpoint
-- The tallies of the ratings that exist already.
SELECT refresh_team_tallies(o.id, NULL, NULL) FROM organisations o;
