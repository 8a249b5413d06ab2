import { count } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { organisations } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoApiToken } from "./demo-api-token";
import { seedDemoCalibration } from "./demo-calibration";
import { seedDemoCoaching } from "./demo-coaching";
import { seedDemoFramework } from "./demo-framework";
import { seedDemoInvitesAndAudit } from "./demo-invites";
import { seedDemoOrganisation } from "./demo-organisation";
import { seedDemoRatings } from "./demo-ratings";
import { seedDemoRelationships } from "./demo-relationships";
import { seedDemoResults } from "./demo-results";
import { seedDemoSelfAssessments } from "./demo-self-assessments";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "./demo-people";

/** What earlier seed steps created, for later steps to build on (ids by email and by team name). */
export type SeedContext = {
  passwordHash: string;
  orgId: string;
  users: Record<string, string>;
  teams: Record<string, string>;
};

/**
 * The demo organisation, built step by step. Later features add their step to this list
 * (behaviours, ratings, relationships, ...), each using what the earlier ones put in the context.
 */
const steps: ((db: DbOrTx, ctx: SeedContext) => Promise<void>)[] = [
  seedDemoOrganisation,
  seedDemoFramework,
  seedDemoRatings,
  seedDemoSelfAssessments,
  seedDemoInvitesAndAudit,
  seedDemoRelationships,
  seedDemoCoaching,
  seedDemoCalibration,
  seedDemoApiToken,
  seedDemoResults,
];

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row!.n === 0;
}

/** Seeds the demo organisation in one transaction: all of it or nothing. */
export async function seedDemo(db: Db): Promise<void> {
  const ctx: SeedContext = { passwordHash: await hashPassword(DEMO_PASSWORD), orgId: "", users: {}, teams: {} };
  await db.transaction(async (tx) => {
    for (const step of steps) await step(tx, ctx);
  });
}

/** The sign-ins `npm start` prints for the demo organisation. */
export function demoSignIns(): string {
  const rows = [
    ["admin", DEMO_ADMIN],
    ...DEMO_TEAMS.flatMap((team) => [[`leader, ${team.name}`, team.leader] as const, [`rep, ${team.name}`, team.reps[0]!] as const]),
  ] as const;
  const width = Math.max(...rows.map(([, p]) => p.email.length));
  return [
    `Demo organisation "${DEMO_ORG.name}" — every demo account's password is: ${DEMO_PASSWORD}`,
    ...rows.map(([role, p]) => `  ${p.email.padEnd(width)}  ${p.name} (${role})`),
  ].join("\n");
}
