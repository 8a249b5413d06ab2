DROP INDEX "invites_org_email_idx";--> statement-breakpoint
CREATE INDEX "invites_org_email_idx" ON "invites" USING btree ("org_id","email");--> statement-breakpoint
-- Hand-written note (keep when renumbering): the index is on the column itself, not lower(email): behind row-level
-- security a condition through lower(), which is not leakproof, is not used in an index. Invite addresses are stored
-- lower-cased (lib/schemas/fields.ts emailField, the bulk list and the import lower-case them).
SELECT 1;
