CREATE TABLE "assessments" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"shared_at" timestamp with time zone,
	"shared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_org_id_cycle_id_rep_user_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id")
);
--> statement-breakpoint
CREATE TABLE "self_ratings" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"behaviour_id" uuid NOT NULL,
	"score" smallint,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_ratings_org_id_cycle_id_rep_user_id_behaviour_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id","behaviour_id"),
	CONSTRAINT "self_ratings_score_range" CHECK ("self_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "blind_mode" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_shared_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","shared_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_ratings" ADD CONSTRAINT "self_ratings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_ratings" ADD CONSTRAINT "self_ratings_org_id_cycle_id_rep_user_id_assessments_org_id_cycle_id_rep_user_id_fk" FOREIGN KEY ("org_id","cycle_id","rep_user_id") REFERENCES "public"."assessments"("org_id","cycle_id","rep_user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_ratings" ADD CONSTRAINT "self_ratings_org_id_behaviour_id_behaviours_org_id_id_fk" FOREIGN KEY ("org_id","behaviour_id") REFERENCES "public"."behaviours"("org_id","id") ON DELETE no action ON UPDATE no action;