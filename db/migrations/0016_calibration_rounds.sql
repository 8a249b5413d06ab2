CREATE TABLE "calibration_assignments" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"second_rater_user_id" uuid NOT NULL,
	CONSTRAINT "calibration_assignments_org_id_round_id_rep_user_id_pk" PRIMARY KEY("org_id","round_id","rep_user_id"),
	CONSTRAINT "calibration_assignments_not_self" CHECK ("calibration_assignments"."rep_user_id" <> "calibration_assignments"."second_rater_user_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_rounds" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "calibration_rounds_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "second_ratings" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "second_ratings_org_id_round_id_rep_user_id_behaviour_id_pk" PRIMARY KEY("org_id","round_id","rep_user_id","behaviour_id"),
	CONSTRAINT "second_ratings_score_range" CHECK ("second_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_org_id_round_id_calibration_rounds_org_id_id_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."calibration_rounds"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_assignments" ADD CONSTRAINT "calibration_assignments_org_id_second_rater_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","second_rater_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_org_id_created_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_ratings" ADD CONSTRAINT "second_ratings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_ratings" ADD CONSTRAINT "second_ratings_org_id_round_id_rep_user_id_calibration_assignments_org_id_round_id_rep_user_id_fk" FOREIGN KEY ("org_id","round_id","rep_user_id") REFERENCES "public"."calibration_assignments"("org_id","round_id","rep_user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_ratings" ADD CONSTRAINT "second_ratings_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_assignments_org_rater_idx" ON "calibration_assignments" USING btree ("org_id","second_rater_user_id");--> statement-breakpoint
CREATE INDEX "calibration_rounds_org_cycle_idx" ON "calibration_rounds" USING btree ("org_id","cycle_id");--> statement-breakpoint
-- Hand-written (keep when renumbering): the tables go behind the wall between organisations (0011) and, as the
-- organisation's data, move its revision (0007).
SELECT "tenant_wall"('calibration_rounds'::regclass);
--> statement-breakpoint
SELECT "tenant_wall"('calibration_assignments'::regclass);
--> statement-breakpoint
SELECT "tenant_wall"('second_ratings'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('calibration_rounds'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('calibration_assignments'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('second_ratings'::regclass);
