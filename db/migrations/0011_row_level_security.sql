-- Row-level security: the database's own wall between organisations (docs/rls.md).
-- The app works as "coachgrid_app", a role that owns nothing: every transaction of a request switches to it
-- (set_config('role', ...)) and names its organisation in app.org_id. Roles belong to the whole cluster, so the role
-- is created once and shared by every database of it (two databases migrating at once may race to create it).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coachgrid_app') THEN
    CREATE ROLE coachgrid_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
-- The migrating owner may switch to the role (an app that connects as the owner does, per transaction). An owner that
-- may not grant it (PostgreSQL 16+, a role created by someone else) has the app connect as a member of it instead.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'coachgrid_app', 'MEMBER') THEN
    GRANT coachgrid_app TO CURRENT_USER;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'coachgrid_app could not be granted to %: connect the app as a member of coachgrid_app (docs/rls.md)', current_user;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO coachgrid_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO coachgrid_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO coachgrid_app;
--> statement-breakpoint
-- Tables and sequences later migrations create (run by this same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO coachgrid_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO coachgrid_app;
--> statement-breakpoint
-- Puts a tenant table behind the wall: RLS enabled and forced (the owner too is held, unless it is a superuser or
-- has BYPASSRLS), and one policy for every command: a row is visible and writable only in its organisation's
-- transactions. app.org_id reads '' (not NULL) once a transaction that set it has ended, hence the nullif.
-- A new tenant table calls this in its migration: SELECT tenant_wall('mail_outbox');
-- tests/integration/rls.test.ts fails for a table with an org_id column that does not.
CREATE FUNCTION "tenant_wall"("tbl" regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_wall ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_wall ON %s USING (org_id = nullif(current_setting(''app.org_id'', true), '''')::uuid) '
    'WITH CHECK (org_id = nullif(current_setting(''app.org_id'', true), '''')::uuid)', tbl);
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION "tenant_wall"(regclass) FROM PUBLIC;
--> statement-breakpoint
-- Every table that has an org_id column today.
SELECT "tenant_wall"(c.oid)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
WHERE c.relkind = 'r';
--> statement-breakpoint
-- The one read across organisations that the app's requests make: a person's own memberships (the organisation
-- picker, the header's switcher), keyed on app.user_id, which the chain sets from the session alone.
CREATE POLICY own_memberships ON "memberships" FOR SELECT USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
-- The revision triggers (0007) may move the revisions of organisations other than the transaction's: a person's
-- new name moves every organisation they belong to. The function enters each organisation in turn for its one
-- write to org_revisions, then restores the transaction's own. It writes nothing else.
CREATE OR REPLACE FUNCTION "bump_org_revisions"("ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  own text := current_setting('app.org_id', true);
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT id FROM unnest("ids") AS id ORDER BY id LOOP
    PERFORM set_config('app.org_id', org::text, true);
    INSERT INTO "org_revisions" AS r ("org_id", "revision") VALUES (org, 1)
    ON CONFLICT ("org_id") DO UPDATE SET "revision" = r."revision" + 1;
  END LOOP;
  PERFORM set_config('app.org_id', coalesce(own, ''), true);
END $$;
--> statement-breakpoint
-- The mail worker sends every organisation's mail from one queue: its transactions (db/tenant.ts, asMailWorker) set
-- app.mail_worker, which lets them through the wall of this table and no other.
CREATE POLICY mail_worker ON "mail_outbox"
  USING (current_setting('app.mail_worker', true) = 'on') WITH CHECK (current_setting('app.mail_worker', true) = 'on');
--> statement-breakpoint
-- A person's own mail settings in every organisation, for the account page (keyed on app.user_id like memberships).
-- Changing them enters the organisation, like every other write.
CREATE POLICY own_mail_preferences ON "mail_preferences" FOR SELECT USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
