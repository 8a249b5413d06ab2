CREATE TABLE "invite_led_teams" (
	"org_id" uuid NOT NULL,
	"invite_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "invite_led_teams_org_id_invite_id_team_id_pk" PRIMARY KEY("org_id","invite_id","team_id")
);
--> statement-breakpoint
ALTER TABLE "invite_led_teams" ADD CONSTRAINT "invite_led_teams_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_led_teams" ADD CONSTRAINT "invite_led_teams_org_id_invite_id_invites_org_id_id_fk" FOREIGN KEY ("org_id","invite_id") REFERENCES "public"."invites"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_led_teams" ADD CONSTRAINT "invite_led_teams_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invite_led_teams_org_team_idx" ON "invite_led_teams" USING btree ("org_id","team_id");--> statement-breakpoint
CREATE INDEX "invites_org_email_idx" ON "invites" USING btree ("org_id",lower("email"));--> statement-breakpoint
-- Hand-written (keep when renumbering): the table goes behind the wall between organisations (0011) and, as the
-- organisation's data, moves its revision (0007).
SELECT "tenant_wall"('invite_led_teams'::regclass);
--> statement-breakpoint
SELECT "track_org_revision"('invite_led_teams'::regclass);
