import type { Db } from "@/db/client";
import { apiTokens, measures } from "@/db/schema";
import { enterOrganisation } from "@/db/tenant";
import { newApiToken } from "@/lib/results/api-token";
import { hashToken } from "@/lib/tokens";
import type { MatrixCases, MatrixFixture } from "./types";

/** Fixed ids of the matrix measures and API token (valid in every fixture organisation: keys start with org_id). */
export const MATRIX_RESULT_IDS = {
  measure: "5e1a7e00-0000-4000-8000-0000000000a1",
  archivedMeasure: "5e1a7e00-0000-4000-8000-0000000000a2",
  apiToken: "5e1a7e00-0000-4000-8000-0000000000a3",
} as const;

/** `rep`'s address in the fixture (tests/support/fixtures.ts names people after the organisation's tag). */
export const matrixRepEmail = (f: MatrixFixture) => `remy.rep.${f.slug.replace(/^matrix-/, "")}@example.test`;

/** "Quota attainment" (percent, active) and "Old revenue" (EUR, archived). Safe to run twice. */
export async function prepareMeasures(db: Db, f: MatrixFixture): Promise<void> {
  await db.transaction(async (tx) => {
    await enterOrganisation(tx, f.orgId);
    await tx
      .insert(measures)
      .values([
        { orgId: f.orgId, id: MATRIX_RESULT_IDS.measure, name: "Quota attainment", unit: "percent", position: 1 },
        {
          orgId: f.orgId,
          id: MATRIX_RESULT_IDS.archivedMeasure,
          name: "Old revenue",
          unit: "currency",
          currencyCode: "EUR",
          position: 2,
          archivedAt: new Date(),
        },
      ])
      .onConflictDoNothing();
  });
}

/** The matrix measures and an API token (scope results:write) made by the admin; returns the raw token. */
export async function prepareApiToken(db: Db, f: MatrixFixture): Promise<string> {
  await prepareMeasures(db, f);
  const { token, prefix } = newApiToken();
  await db.transaction(async (tx) => {
    await enterOrganisation(tx, f.orgId);
    await tx.insert(apiTokens).values({
      orgId: f.orgId,
      id: MATRIX_RESULT_IDS.apiToken,
      name: "CRM export",
      tokenHash: hashToken(token),
      prefix,
      scopes: ["results:write"],
      createdBy: f.users.admin,
    });
  });
  return token;
}

const resultsFile = (f: MatrixFixture) => `\uFEFFrep email;measure;value\r\n${matrixRepEmail(f)};Quota attainment;"87,5%"\r\n`;

export const resultsCases: MatrixCases = {
  "/o/[slug]/results": { input: () => ({}) },
  "/o/[slug]/results/upload": { input: () => ({}) },
  "/o/[slug]/results/settings": { input: () => ({}) },
  "measure.add": { input: () => ({ name: `Win rate ${crypto.randomUUID().slice(0, 6)}`, unit: "percent", higherIsBetter: "true" }) },
  "measure.edit": {
    input: () => ({ measureId: MATRIX_RESULT_IDS.measure, name: "Quota attainment (%)", unit: "percent", currencyCode: "", higherIsBetter: "true" }),
    prepare: prepareMeasures,
  },
  "measure.archive": { input: () => ({ measureId: MATRIX_RESULT_IDS.measure }), prepare: prepareMeasures },
  "measure.restore": { input: () => ({ measureId: MATRIX_RESULT_IDS.archivedMeasure }), prepare: prepareMeasures },
  "measure.setMain": { input: () => ({ measureId: MATRIX_RESULT_IDS.measure }), prepare: prepareMeasures },
  "result.save": {
    input: (f) => ({ cycleId: f.cycles.open, repUserId: f.users.rep, measureId: MATRIX_RESULT_IDS.measure, value: "87.5" }),
    prepare: prepareMeasures,
  },
  "results.previewUpload": { input: (f) => ({ cycleId: f.cycles.open, content: resultsFile(f) }), prepare: prepareMeasures },
  "results.upload": { input: (f) => ({ cycleId: f.cycles.open, content: resultsFile(f) }), prepare: prepareMeasures },
  "apiToken.create": { input: () => ({ name: "CRM nightly export" }) },
  "apiToken.revoke": { input: () => ({ tokenId: MATRIX_RESULT_IDS.apiToken }), prepare: async (db, f) => void (await prepareApiToken(db, f)) },
  "/api/v1/organisations/[slug]/cycles/[cycleId]/results": {
    input: (f) => ({ cycleId: f.cycles.open, results: [{ email: matrixRepEmail(f), measure: "Quota attainment", value: 91.5 }] }),
    prepare: prepareMeasures,
  },
  "/api/v1/openapi.json": { input: () => ({ serverUrl: "http://localhost:3000" }) },
};
