CREATE TYPE "public"."api_token_scope" AS ENUM('results:write');--> statement-breakpoint
CREATE TYPE "public"."measure_unit" AS ENUM('percent', 'currency', 'count', 'number');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" "api_token_scope"[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit" "measure_unit" NOT NULL,
	"currency_code" text,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"is_main" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "measures_currency_code" CHECK (("measures"."unit" = 'currency') = ("measures"."currency_code" is not null) and ("measures"."currency_code" is null or "measures"."currency_code" ~ '^[A-Z]{3}$'))
);
--> statement-breakpoint
CREATE TABLE "results" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rep_user_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_org_id_cycle_id_rep_user_id_measure_id_pk" PRIMARY KEY("org_id","cycle_id","rep_user_id","measure_id"),
	CONSTRAINT "results_value_finite" CHECK ("results"."value" <> 'NaN'::double precision and abs("results"."value") < 'Infinity'::double precision)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_created_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_org_id_cycle_id_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_org_id_rep_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","rep_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_org_id_measure_id_measures_org_id_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."measures"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_org_id_updated_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_org_token_uq" ON "api_tokens" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_org_name_uq" ON "measures" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "measures_org_one_main_uq" ON "measures" USING btree ("org_id") WHERE "measures"."is_main";--> statement-breakpoint
CREATE INDEX "results_org_measure_cycle_idx" ON "results" USING btree ("org_id","measure_id","cycle_id");--> statement-breakpoint
-- Hand-written (keep when renumbering): the tables go behind the wall between organisations (0011) and, as the
-- organisation's data, move its revision (0007).
SELECT "tenant_wall"('measures'::regclass);
--> statement-breakpoint
SELECT "tenant_wall"('results'::regclass);
--> statement-breakpoint
SELECT "tenant_wall"('api_tokens'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('measures'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('results'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('api_tokens'::regclass);
