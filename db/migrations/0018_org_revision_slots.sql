-- Hand-written around drizzle-kit's output (it cannot name the old primary key): an organisation's revision is the
-- sum of its slots, one row per slot. A writing transaction bumps the slot of its connection and holds that row's
-- lock until it commits, so concurrent writers of one organisation (eight leaders saving at once) no longer queue on
-- one row (docs/performance.md, "Write contention").
ALTER TABLE "org_revisions" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "org_revisions" DROP CONSTRAINT "org_revisions_pkey";--> statement-breakpoint
ALTER TABLE "org_revisions" ADD CONSTRAINT "org_revisions_org_id_slot_pk" PRIMARY KEY("org_id","slot");--> statement-breakpoint
-- 0011's function with a slot: the backend's pid mod 16 (a connection keeps its slot; two connections share one only
-- by chance). Still one write per organisation per statement, in org_id order, each inside its organisation's wall.
CREATE OR REPLACE FUNCTION "bump_org_revisions"("ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
  org uuid;
  own_slot smallint := pg_backend_pid() % 16;
BEGIN
  FOR org IN SELECT DISTINCT id FROM unnest("ids") AS id ORDER BY id LOOP
    PERFORM set_config('app.org_id', org::text, true);
    INSERT INTO "org_revisions" AS r ("org_id", "slot", "revision") VALUES (org, own_slot, 1)
    ON CONFLICT ("org_id", "slot") DO UPDATE SET "revision" = r."revision" + 1;
  END LOOP;
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
END $$;
