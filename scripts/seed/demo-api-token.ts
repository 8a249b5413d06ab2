import type { DbOrTx } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { newApiToken } from "@/lib/results/api-token";
import { hashToken } from "@/lib/tokens";
import type { SeedContext } from "./index";
import { DEMO_ADMIN } from "./demo-people";

/**
 * The admin's token for the CRM's nightly results export, as Settings lists it. Its secret was shown once, when it
 * was made, and is kept nowhere: a fresh random one each seed.
 */
export async function seedDemoApiToken(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const { token, prefix } = newApiToken();
  await db.insert(apiTokens).values({
    orgId: ctx.orgId,
    name: "CRM nightly export",
    tokenHash: hashToken(token),
    prefix,
    scopes: ["results:write"],
    createdBy: ctx.users[DEMO_ADMIN.email]!,
    createdAt: new Date("2026-10-02T15:20:00Z"),
    lastUsedAt: new Date("2026-12-07T02:00:00Z"),
  });
}
