"use server";

import "server-only";
import { findApiToken, insertApiToken, markApiTokenRevoked } from "@/db/queries/results";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { apiTokenIdSchema, createApiTokenSchema } from "@/lib/schemas/results";
import { hashToken } from "@/lib/tokens";
import { newApiToken } from "./api-token";

const adminsOnly = ["admin"] as const;

/**
 * A new API token for a CRM export job, scoped `results:write`. The token comes back once, here; only its SHA-256 and
 * its first characters (to tell tokens apart) are stored.
 */
export const createApiToken = memberAction(
  { name: "apiToken.create", permission: "results.manage", input: createApiTokenSchema, expect: { allow: adminsOnly } },
  async ({ db, org, member, audit }, { name }) => {
    const { token, prefix } = newApiToken();
    const row = await insertApiToken(db, org.id, { name, tokenHash: hashToken(token), prefix, scopes: ["results:write"], createdBy: member.userId });
    await audit({ targetType: "api_token", targetId: row.id, targetLabel: name, after: { prefix, scopes: ["results:write"] } });
    return { token, tokenId: row.id, prefix };
  },
);

/** A revoked token is refused from the next call on (401); it stays in the list, marked revoked. */
export const revokeApiToken = memberAction(
  { name: "apiToken.revoke", permission: "results.manage", input: apiTokenIdSchema, expect: { allow: adminsOnly } },
  async ({ db, org, audit }, { tokenId }) => {
    const token = await findApiToken(db, org.id, tokenId);
    if (!token) throw new Refusal("not_found", "That token no longer exists.");
    if (token.revokedAt) throw new Refusal("conflict", `${token.name} is already revoked.`);
    await markApiTokenRevoked(db, org.id, tokenId);
    await audit({ targetType: "api_token", targetId: tokenId, targetLabel: token.name, after: { prefix: token.prefix } });
  },
);
