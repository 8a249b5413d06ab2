CREATE TYPE "public"."mail_status" AS ENUM('queued', 'sending', 'sent', 'failed');--> statement-breakpoint
ALTER TYPE "public"."auth_event_kind" ADD VALUE 'password_reset';--> statement-breakpoint
ALTER TYPE "public"."auth_event_kind" ADD VALUE 'email_verified';--> statement-breakpoint
CREATE TABLE "leader_digests" (
	"org_id" uuid NOT NULL,
	"leader_user_id" uuid NOT NULL,
	"week" date NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leader_digests_org_id_leader_user_id_week_pk" PRIMARY KEY("org_id","leader_user_id","week")
);
--> statement-breakpoint
CREATE TABLE "self_assessment_reminders" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"last_reminded_at" timestamp with time zone NOT NULL,
	"reminded_by" uuid NOT NULL,
	CONSTRAINT "self_assessment_reminders_org_id_cycle_id_rep_user_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id")
);
--> statement-breakpoint
CREATE TABLE "account_mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to_email" text NOT NULL,
	"to_user_id" uuid,
	"subject" text NOT NULL,
	"props" jsonb,
	"status" "mail_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"to_email" text NOT NULL,
	"to_user_id" uuid,
	"subject" text NOT NULL,
	"props" jsonb,
	"status" "mail_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_preferences" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reminders" boolean DEFAULT true NOT NULL,
	"results_shared" boolean DEFAULT true NOT NULL,
	"weekly_digest" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_preferences_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leader_digests" ADD CONSTRAINT "leader_digests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_digests" ADD CONSTRAINT "leader_digests_org_id_leader_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","leader_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_reminded_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","reminded_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_mail_outbox" ADD CONSTRAINT "account_mail_outbox_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_preferences" ADD CONSTRAINT "mail_preferences_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_preferences" ADD CONSTRAINT "mail_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_preferences" ADD CONSTRAINT "mail_preferences_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_mail_outbox_pending_idx" ON "account_mail_outbox" USING btree ("next_attempt_at") WHERE status in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "account_mail_outbox_created_idx" ON "account_mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_org_time_idx" ON "mail_outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("org_id","next_attempt_at") WHERE status in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
-- Preferences are the organisation's data like any other; the outbox is bookkeeping (like the audit log) and moves
-- no revision, or every mail sent would empty the organisation's page cache.
SELECT "track_org_revision"('mail_preferences'::regclass);
--> statement-breakpoint
-- Wakes the mail workers of every app instance. A notification is delivered when the transaction that queued the mail
-- commits, and never when it rolls back: the worker then finds the mail at once instead of at its next poll.
CREATE FUNCTION "notify_mail_queued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('coachgrid_mail', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER mail_queued AFTER INSERT ON "mail_outbox" FOR EACH STATEMENT EXECUTE FUNCTION notify_mail_queued();
--> statement-breakpoint
CREATE TRIGGER mail_queued AFTER INSERT ON "account_mail_outbox" FOR EACH STATEMENT EXECUTE FUNCTION notify_mail_queued();
--> statement-breakpoint
-- Both are the organisation's data (the reminders page shows the one, the export keeps both): they move its revision.
SELECT "track_org_revision"('self_assessment_reminders'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('leader_digests'::regclass);
