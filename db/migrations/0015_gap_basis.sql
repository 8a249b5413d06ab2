CREATE TYPE "public"."gap_basis" AS ENUM('raw', 'relative');--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "gap_basis" "gap_basis" DEFAULT 'raw' NOT NULL;