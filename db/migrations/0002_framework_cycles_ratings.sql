CREATE TYPE "public"."cycle_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "behaviours" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"level1" text NOT NULL,
	"level3" text NOT NULL,
	"level5" text NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "behaviours_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" "cycle_status" DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	"score" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_org_id_cycle_id_rep_user_id_behaviour_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id","behaviour_id"),
	CONSTRAINT "ratings_score_range" CHECK ("ratings"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "framework_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "behaviours" ADD CONSTRAINT "behaviours_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_org_id_updated_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "behaviours_org_name_uq" ON "behaviours" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "behaviours_org_position_idx" ON "behaviours" USING btree ("org_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_org_name_uq" ON "cycles" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_org_one_open_uq" ON "cycles" USING btree ("org_id") WHERE "cycles"."status" = 'open';--> statement-breakpoint
CREATE INDEX "ratings_org_cycle_behaviour_idx" ON "ratings" USING btree ("org_id","cycle_id","behaviour_id");