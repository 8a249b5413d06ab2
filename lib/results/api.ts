import "server-only";
import { z } from "zod";
import { findCycle } from "@/db/queries/cycles";
import { findApiTokenByHash, touchApiToken, upsertResults } from "@/db/queries/results";
import { apiTokenRoute } from "@/lib/chain/api-token";
import { publicRoute } from "@/lib/chain/open";
import { Refusal } from "@/lib/chain/outcome";
import { apiResultsInput } from "@/lib/schemas/results";
import { openApiDocument } from "./openapi";
import { planFor } from "./write";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PUT /api/v1/organisations/{slug}/cycles/{cycleId}/results (docs/api.md): a CRM export job writes one cycle's values
 * with an API token scoped `results:write`. The same rules as an upload (lib/results/plan.ts), for every rep of the
 * organisation; all values are written, or none when any is invalid (422 with every invalid one). Each call is recorded
 * in the audit log, naming the token.
 */
export const putResults = apiTokenRoute(
  {
    route: "/api/v1/organisations/[slug]/cycles/[cycleId]/results",
    auditAction: "results.apiWrite",
    input: apiResultsInput,
    scope: "results:write",
    lookup: findApiTokenByHash,
    touch: touchApiToken,
    throttle: { limit: 60, windowMs: 60_000, lockMs: 60_000 },
    expect: { token: "apiToken", session: "none", throttled: true },
  },
  async ({ tx, org, token, audit }, { cycleId, results }) => {
    if (!UUID.test(cycleId)) throw new Refusal("not_found", "There is no such cycle in this organisation.");
    const cycle = await findCycle(tx, org.id, cycleId);
    if (!cycle) throw new Refusal("not_found", "There is no such cycle in this organisation.");
    if (cycle.status === "draft") {
      const message = `${cycle.name} has not opened yet: results go into an open or closed cycle. Nothing was written.`;
      throw new Refusal("invalid", message, { cycleId: message }, { rows: [] });
    }
    const incoming = results.map((r, index) => ({ row: index, email: r.email, measure: r.measure, value: r.value }));
    const plan = await planFor(tx, org.id, cycle.id, incoming, { teamIds: undefined });
    if (plan.counts.error > 0) {
      const rows = plan.rows.filter((r) => r.status === "error").map((r) => ({ index: r.row, email: r.email, measure: r.measure, message: r.note }));
      const fieldErrors = Object.fromEntries(rows.map((r) => [`results.${r.index}`, r.message]));
      throw new Refusal("invalid", `${rows.length === 1 ? "1 result is" : `${rows.length} results are`} invalid. Nothing was written.`, fieldErrors, {
        rows,
      });
    }
    const changed = await upsertResults(tx, org.id, cycle.id, plan.writes, null);
    const created = changed.filter((r) => r.inserted).length;
    const answer = {
      cycle: { id: cycle.id, name: cycle.name },
      received: results.length,
      created,
      updated: changed.length - created,
      unchanged: results.length - changed.length,
    };
    await audit({
      targetType: "api_token",
      targetId: token.id,
      targetLabel: token.name,
      after: { cycle: cycle.name, received: answer.received, created, updated: answer.updated, unchanged: answer.unchanged, prefix: token.prefix },
    });
    return answer;
  },
);

/** GET /api/v1/openapi.json: the API's description (lib/results/openapi.ts), for anyone. */
export const describeApi = publicRoute({ name: "/api/v1/openapi.json", input: z.object({ serverUrl: z.url() }) }, async (_ctx, { serverUrl }) =>
  openApiDocument(serverUrl),
);
