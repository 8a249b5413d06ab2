CREATE TABLE "rep_cycle_tallies" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"lowest_active" smallint,
	"rated_active" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rep_cycle_tallies_org_id_cycle_id_rep_user_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id")
);
--> statement-breakpoint
ALTER TABLE "rep_cycle_tallies" ADD CONSTRAINT "rep_cycle_tallies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_cycle_tallies" ADD CONSTRAINT "rep_cycle_tallies_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_cycle_tallies" ADD CONSTRAINT "rep_cycle_tallies_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT "tenant_wall"('rep_cycle_tallies'::regclass);
--> statement-breakpoint
-- The rep_cycle_tallies rows of an organisation computed from its ratings, of some cycles and reps (null: all): per
-- rep with a present leader score in a cycle, the lowest on an active behaviour and the counts of behaviours scored.
-- Each (cycle, rep) pair is reached through the ratings' key, so a save reads its rep's dozen rows whatever the plan.
CREATE FUNCTION "rep_cycle_tally_rows"(org uuid, cycle_ids uuid[], rep_ids uuid[])
RETURNS TABLE (cycle_id uuid, rep_user_id uuid, lowest_active smallint, rated_active integer, rated integer)
LANGUAGE sql STABLE AS $$
  SELECT r.cycle_id, r.rep_user_id, min(r.score) FILTER (WHERE b.archived_at IS NULL),
    (count(*) FILTER (WHERE b.archived_at IS NULL))::int, count(*)::int
  FROM unnest(coalesce(cycle_ids, ARRAY(SELECT c.id FROM cycles c WHERE c.org_id = org))) AS named_cycle(id)
  CROSS JOIN unnest(coalesce(rep_ids, ARRAY(SELECT m.user_id FROM memberships m WHERE m.org_id = org))) AS named_rep(id)
  JOIN ratings r ON r.org_id = org AND r.cycle_id = named_cycle.id AND r.rep_user_id = named_rep.id
  JOIN behaviours b ON b.org_id = r.org_id AND b.id = r.behaviour_id
  WHERE r.score IS NOT NULL
  GROUP BY r.cycle_id, r.rep_user_id
$$;
--> statement-breakpoint
-- Recomputes some reps' rep_cycle_tallies rows (null: every rep) in some cycles (null: every cycle), inside the
-- organisation's wall. Called where refresh_rep_tallies or rebuild_tallies already holds the reps' locks.
CREATE FUNCTION "refresh_rep_cycle_tallies"(org uuid, cycle_ids uuid[], rep_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
BEGIN
  PERFORM set_config('app.org_id', org::text, true);
  cycle_ids := coalesce(cycle_ids, ARRAY(SELECT c.id FROM cycles c WHERE c.org_id = org));
  rep_ids := coalesce(rep_ids, ARRAY(SELECT m.user_id FROM memberships m WHERE m.org_id = org));
  WITH fresh AS (
    SELECT * FROM rep_cycle_tally_rows(org, cycle_ids, rep_ids)
  ), gone AS (
    DELETE FROM rep_cycle_tallies t
    WHERE t.org_id = org AND t.cycle_id = ANY (cycle_ids) AND t.rep_user_id = ANY (rep_ids)
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.cycle_id = t.cycle_id AND f.rep_user_id = t.rep_user_id)
  )
  INSERT INTO rep_cycle_tallies AS t (org_id, cycle_id, rep_user_id, lowest_active, rated_active, rated)
  SELECT org, f.* FROM fresh f ORDER BY f.cycle_id, f.rep_user_id
  ON CONFLICT (org_id, cycle_id, rep_user_id) DO UPDATE SET lowest_active = excluded.lowest_active,
    rated_active = excluded.rated_active, rated = excluded.rated
    WHERE (t.lowest_active, t.rated_active, t.rated) IS DISTINCT FROM (excluded.lowest_active, excluded.rated_active, excluded.rated);
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
END $$;
--> statement-breakpoint
-- 0019's trigger function, now also keeping rep_cycle_tallies: only leader scores move them.
CREATE OR REPLACE FUNCTION "refresh_tallies_of_reps"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT c.org_id, array_agg(DISTINCT c.cycle_id) AS cycle_ids, array_agg(DISTINCT c.rep_user_id) AS rep_ids
    FROM changed c GROUP BY c.org_id ORDER BY c.org_id
  LOOP
    PERFORM refresh_rep_tallies(k.org_id, k.cycle_ids, k.rep_ids);
    IF TG_TABLE_NAME = 'ratings' THEN
      PERFORM refresh_rep_cycle_tallies(k.org_id, k.cycle_ids, k.rep_ids);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- 0019's trigger function, now also rebuilding rep_cycle_tallies when a behaviour is archived or restored (under
-- rebuild_tallies' lock on the organisation).
CREATE OR REPLACE FUNCTION "rebuild_tallies_of_behaviours"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT n.org_id FROM old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.id = o.id
    WHERE (o.archived_at IS NULL) IS DISTINCT FROM (n.archived_at IS NULL) ORDER BY n.org_id
  LOOP
    PERFORM rebuild_tallies(org);
    PERFORM refresh_rep_cycle_tallies(org, NULL, NULL);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
SELECT refresh_rep_cycle_tallies(o.id, NULL, NULL) FROM organisations o;
