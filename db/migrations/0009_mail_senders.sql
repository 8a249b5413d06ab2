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
ALTER TABLE "invites" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leader_digests" ADD CONSTRAINT "leader_digests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_digests" ADD CONSTRAINT "leader_digests_org_id_leader_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","leader_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_reminders" ADD CONSTRAINT "self_assessment_reminders_org_id_reminded_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","reminded_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Both are the organisation's data (the reminders page shows the one, the export keeps both): they move its revision.
SELECT "track_org_revision"('self_assessment_reminders'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('leader_digests'::regclass);
