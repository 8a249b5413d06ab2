CREATE TYPE "public"."plan_status" AS ENUM('active', 'done', 'dropped');--> statement-breakpoint
CREATE TABLE "throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"answered_at" timestamp with time zone,
	"trust" smallint,
	"sales_frustrates_us" text,
	"would_help" text,
	"respondent_name" text,
	CONSTRAINT "check_ins_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "check_ins_trust_range" CHECK ("check_ins"."trust" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "coaching_plan_actions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_plan_actions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "coaching_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	"cycle_id" uuid,
	"target_score" smallint NOT NULL,
	"due_on" date,
	"status" "plan_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "coaching_plans_target_range" CHECK ("coaching_plans"."target_score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "one_on_one_note_behaviours" (
	"org_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	CONSTRAINT "one_on_one_note_behaviours_org_id_note_id_behaviour_id_pk" PRIMARY KEY("org_id","note_id","behaviour_id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_notes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"body" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_notes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "blind_spot_gap" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "hidden_strength_gap" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "agreed_weakness_max" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "agreed_strength_min" smallint DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "one_on_one_cadence_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationship_actions" ADD COLUMN "check_in_id" uuid;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_relationship_id_relationships_org_id_id_fk" FOREIGN KEY ("org_id","relationship_id") REFERENCES "public"."relationships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_created_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_revoked_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","revoked_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_actions" ADD CONSTRAINT "coaching_plan_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_actions" ADD CONSTRAINT "coaching_plan_actions_org_id_plan_id_coaching_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."coaching_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_actions" ADD CONSTRAINT "coaching_plan_actions_org_id_done_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","done_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_created_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note_behaviours" ADD CONSTRAINT "one_on_one_note_behaviours_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note_behaviours" ADD CONSTRAINT "one_on_one_note_behaviours_org_id_note_id_one_on_one_notes_org_id_id_fk" FOREIGN KEY ("org_id","note_id") REFERENCES "public"."one_on_one_notes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note_behaviours" ADD CONSTRAINT "one_on_one_note_behaviours_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_notes" ADD CONSTRAINT "one_on_one_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_notes" ADD CONSTRAINT "one_on_one_notes_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_notes" ADD CONSTRAINT "one_on_one_notes_org_id_author_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","author_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_org_token_uq" ON "check_ins" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE INDEX "check_ins_org_relationship_idx" ON "check_ins" USING btree ("org_id","relationship_id");--> statement-breakpoint
CREATE INDEX "coaching_plan_actions_org_plan_idx" ON "coaching_plan_actions" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE INDEX "coaching_plans_org_rep_idx" ON "coaching_plans" USING btree ("org_id","rep_user_id");--> statement-breakpoint
CREATE INDEX "one_on_one_notes_org_rep_idx" ON "one_on_one_notes" USING btree ("org_id","rep_user_id","held_on");--> statement-breakpoint
ALTER TABLE "relationship_actions" ADD CONSTRAINT "relationship_actions_org_id_check_in_id_check_ins_org_id_id_fk" FOREIGN KEY ("org_id","check_in_id") REFERENCES "public"."check_ins"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_coaching_gaps" CHECK ("organisations"."blind_spot_gap" between 1 and 4 and "organisations"."hidden_strength_gap" between 1 and 4);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_coaching_agreed" CHECK ("organisations"."agreed_weakness_max" between 1 and 5 and "organisations"."agreed_strength_min" between 1 and 5 and "organisations"."agreed_weakness_max" < "organisations"."agreed_strength_min");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_one_on_one_cadence" CHECK ("organisations"."one_on_one_cadence_days" between 1 and 365);