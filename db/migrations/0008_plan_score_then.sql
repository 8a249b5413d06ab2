ALTER TABLE "coaching_plans" ADD COLUMN "score_then" smallint;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_score_then_range" CHECK ("coaching_plans"."score_then" between 1 and 5);--> statement-breakpoint
-- Backfill: plans made before this column existed get the rating as it stands now (the value they showed).
UPDATE "coaching_plans" p SET "score_then" = r."score"
FROM "ratings" r
WHERE r."org_id" = p."org_id" AND r."cycle_id" = p."cycle_id" AND r."rep_user_id" = p."rep_user_id" AND r."behaviour_id" = p."behaviour_id";
