CREATE TYPE "public"."action_owner" AS ENUM('us', 'them');--> statement-breakpoint
CREATE TYPE "public"."interaction_kind" AS ENUM('lunch', 'one_on_one', 'call', 'meeting');--> statement-breakpoint
CREATE TYPE "public"."relationship_status" AS ENUM('strained', 'neutral', 'building', 'strong');--> statement-breakpoint
CREATE TABLE "departments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"kind" "interaction_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"we_frustrate_them" text,
	"they_frustrate_us" text,
	"notes" text,
	"trust_after" smallint NOT NULL,
	"logged_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "interactions_trust_range" CHECK ("interactions"."trust_after" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "relationship_actions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"interaction_id" uuid,
	"description" text NOT NULL,
	"owner" "action_owner" NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationship_actions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "relationship_goals" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"text" text NOT NULL,
	"achieved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationship_goals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"counterpart_name" text NOT NULL,
	"counterpart_title" text,
	"status" "relationship_status" DEFAULT 'neutral' NOT NULL,
	"trust" smallint NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"next_step" text,
	"next_step_due" date,
	"cadence_days" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationships_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "relationships_trust_range" CHECK ("relationships"."trust" between 1 and 5),
	CONSTRAINT "relationships_cadence_range" CHECK ("relationships"."cadence_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_org_id_relationship_id_relationships_org_id_id_fk" FOREIGN KEY ("org_id","relationship_id") REFERENCES "public"."relationships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_org_id_logged_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","logged_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_actions" ADD CONSTRAINT "relationship_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_actions" ADD CONSTRAINT "relationship_actions_org_id_relationship_id_relationships_org_id_id_fk" FOREIGN KEY ("org_id","relationship_id") REFERENCES "public"."relationships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_actions" ADD CONSTRAINT "relationship_actions_org_id_interaction_id_interactions_org_id_id_fk" FOREIGN KEY ("org_id","interaction_id") REFERENCES "public"."interactions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_goals" ADD CONSTRAINT "relationship_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_goals" ADD CONSTRAINT "relationship_goals_org_id_relationship_id_relationships_org_id_id_fk" FOREIGN KEY ("org_id","relationship_id") REFERENCES "public"."relationships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_org_id_owner_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_org_id_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_org_name_uq" ON "departments" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "interactions_org_relationship_idx" ON "interactions" USING btree ("org_id","relationship_id","occurred_on");--> statement-breakpoint
CREATE INDEX "relationship_actions_org_relationship_idx" ON "relationship_actions" USING btree ("org_id","relationship_id");--> statement-breakpoint
CREATE INDEX "relationship_goals_org_relationship_idx" ON "relationship_goals" USING btree ("org_id","relationship_id");--> statement-breakpoint
CREATE INDEX "relationships_org_owner_idx" ON "relationships" USING btree ("org_id","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_org_one_priority_uq" ON "relationships" USING btree ("org_id","owner_user_id") WHERE "relationships"."priority";