CREATE TABLE "ended_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ended_sessions" ADD CONSTRAINT "ended_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ended_sessions_ended_at_idx" ON "ended_sessions" USING btree ("ended_at");--> statement-breakpoint
-- Draft self ratings were audited with their score, which the audit log showed to admins before the rep submitted
-- (blind mode). Such events now record only that an answer was saved; older ones are made to say the same.
UPDATE "audit_events" SET "after" = '{"answered": true}'::jsonb WHERE "action" = 'assessment.saveSelfRating';
