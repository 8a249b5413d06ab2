CREATE TABLE "org_revisions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_revisions" ADD CONSTRAINT "org_revisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Moves the revisions of these organisations, in org_id order, so two statements that touch the same organisations
-- lock their revision rows in the same order.
CREATE FUNCTION "bump_org_revisions"("ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "org_revisions" AS r ("org_id", "revision")
    SELECT DISTINCT id, 1 FROM unnest("ids") AS id ORDER BY id
  ON CONFLICT ("org_id") DO UPDATE SET "revision" = r."revision" + 1;
END $$;
--> statement-breakpoint
-- A tenant table's trigger: one bump per statement, however many rows, for the organisations of the rows it changed
-- (`changed`: the statement's transition table).
CREATE FUNCTION "bump_org_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_org_revisions"(ARRAY(SELECT "org_id" FROM changed));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every insert, update and delete on a tenant table moves its organisations' revisions. A new tenant table calls this
-- in its migration; tests/integration/org-revisions.test.ts fails for one that does not.
CREATE FUNCTION "track_org_revision"("tbl" regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER org_revision_ins AFTER INSERT ON %s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_org_revision()', tbl);
  EXECUTE format('CREATE TRIGGER org_revision_upd AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_org_revision()', tbl);
  EXECUTE format('CREATE TRIGGER org_revision_del AFTER DELETE ON %s REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_org_revision()', tbl);
END $$;
--> statement-breakpoint
SELECT "track_org_revision"(t) FROM unnest(ARRAY[
  'teams', 'memberships', 'team_leaders', 'invites', 'behaviours', 'cycles', 'ratings', 'assessments', 'self_ratings',
  'coaching_plans', 'coaching_plan_actions', 'one_on_one_notes', 'one_on_one_note_behaviours', 'departments',
  'relationships', 'relationship_goals', 'interactions', 'check_ins', 'relationship_actions'
]::regclass[]) AS t;
--> statement-breakpoint
-- The organisation's own settings (name, blind mode, coaching thresholds...).
CREATE FUNCTION "bump_org_revision_of_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_org_revisions"(ARRAY(SELECT "id" FROM changed));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_revision_upd AFTER UPDATE ON "organisations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_org_revision_of_organisation();
--> statement-breakpoint
-- A person's name and email show in every organisation they belong to; their other columns (password, last sign-in)
-- show in none, so a sign-in moves no revision.
CREATE FUNCTION "bump_org_revision_of_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_org_revisions"(ARRAY(
    SELECT m."org_id"
    FROM new_users n JOIN old_users o ON o."id" = n."id" JOIN "memberships" m ON m."user_id" = n."id"
    WHERE n."name" IS DISTINCT FROM o."name" OR n."email" IS DISTINCT FROM o."email"
  ));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_revision_upd AFTER UPDATE ON "users" REFERENCING OLD TABLE AS old_users NEW TABLE AS new_users FOR EACH STATEMENT EXECUTE FUNCTION bump_org_revision_of_user();
