-- The wall's policies read their setting once per statement rather than once per row: a scalar subquery is planned
-- as an InitPlan, computed before the scan, whereas current_setting() in the policy itself is called, and its text
-- cast to a uuid, for every row the statement reads (20,000 and more on a large organisation's pages). Who sees
-- what does not change.
CREATE OR REPLACE FUNCTION "tenant_wall"("tbl" regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_wall ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_wall ON %s USING (org_id = (SELECT nullif(current_setting(''app.org_id'', true), '''')::uuid)) '
    'WITH CHECK (org_id = (SELECT nullif(current_setting(''app.org_id'', true), '''')::uuid))', tbl);
END $$;
--> statement-breakpoint
-- Every table that has an org_id column today.
SELECT "tenant_wall"(c.oid)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
WHERE c.relkind = 'r';
--> statement-breakpoint
ALTER POLICY own_memberships ON "memberships" USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
--> statement-breakpoint
ALTER POLICY own_mail_preferences ON "mail_preferences" USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
--> statement-breakpoint
ALTER POLICY mail_worker ON "mail_outbox"
  USING ((SELECT current_setting('app.mail_worker', true)) = 'on') WITH CHECK ((SELECT current_setting('app.mail_worker', true)) = 'on');
