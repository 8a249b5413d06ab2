import { z } from "zod";
import { MEASURE_UNITS } from "@/db/schema/enums";
import { RESULT_FILE_LIMITS, parseResultsFile } from "@/lib/results/upload-file";
import { formatBytes } from "@/lib/people-import/format";
import { answerCount, finiteNumberField, uuidField } from "./fields";

const MEASURE_NAME_MAX = 60;
const API_TOKEN_NAME_MAX = 60;
/** Values in one API call. */
const API_RESULTS_MAX = 5_000;

const measureFields = {
  name: z
    .string({ error: "Name the measure." })
    .trim()
    .min(1, "Name the measure, e.g. Quota attainment.")
    .max(MEASURE_NAME_MAX, `Keep the name to ${MEASURE_NAME_MAX} characters or fewer.`),
  unit: z.enum(MEASURE_UNITS, { error: "Choose the unit: percent, currency, count or number." }),
  currencyCode: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
    z
      .string()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, like EUR or USD.")
      .refine((code) => Intl.supportedValuesOf("currency").includes(code), "That is not a currency code we know, like EUR or USD.")
      .optional(),
  ),
  higherIsBetter: z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : v),
    z.boolean({ error: "Say whether higher or lower is better." }),
  ),
};

/** A currency measure has its code; any other has none (a code typed before switching the unit is dropped). */
function withCurrency<T extends { unit: (typeof MEASURE_UNITS)[number]; currencyCode?: string }>(m: T, ctx: z.RefinementCtx) {
  if (m.unit === "currency" && !m.currencyCode) {
    ctx.addIssue({ code: "custom", path: ["currencyCode"], message: "A currency measure needs its currency code, like EUR or USD." });
    return z.NEVER;
  }
  return { ...m, currencyCode: m.unit === "currency" ? m.currencyCode! : null };
}

export const addMeasureSchema = z.object(measureFields).transform(withCurrency);
export const updateMeasureSchema = z.object({ measureId: uuidField, ...measureFields }).transform(withCurrency);
export const measureIdSchema = z.object({ measureId: uuidField });

/** One cell of the results table: the typed text (blank clears the value), read with the measure's unit. */
export const saveResultSchema = z.object({
  cycleId: uuidField,
  repUserId: uuidField,
  measureId: uuidField,
  value: z.string({ error: "Type a number." }).max(40, "That is not a number."),
});

const resultsFileField = z
  .string({ error: "Choose a CSV file or paste the rows from your spreadsheet." })
  .max(RESULT_FILE_LIMITS.bytes, `An upload takes at most ${formatBytes(RESULT_FILE_LIMITS.bytes)}. Split the file into smaller ones.`)
  .transform((text, ctx) => {
    const parsed = parseResultsFile(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.sheet;
  });

export const previewResultsSchema = z.object({ cycleId: uuidField, content: resultsFileField });
export const uploadResultsSchema = z.object({
  cycleId: uuidField,
  content: resultsFileField,
  /** The preview's digest: when given, the upload refuses if what it would write is no longer what was previewed. */
  digest: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, "Preview the file again.")
      .optional(),
  ),
});

export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "Name the token." })
    .trim()
    .min(1, "Name the token after the job that uses it, e.g. CRM nightly export.")
    .max(API_TOKEN_NAME_MAX, `Keep the name to ${API_TOKEN_NAME_MAX} characters or fewer.`),
});
export const apiTokenIdSchema = z.object({ tokenId: uuidField });

// --- the REST API (docs/api.md); the OpenAPI description is generated from these (lib/results/openapi.ts) ----------

const apiResultItem = z.object({
  email: z
    .string()
    .trim()
    .min(1)
    .max(254)
    .meta({ description: "The rep's email address in Coachgrid (any case).", example: "avery@brightwater.example" }),
  measure: z.string().trim().min(1).max(100).meta({ description: "The measure's name (any case) or id.", example: "Quota attainment" }),
  value: finiteNumberField("The value must be a finite number.").meta({
    description: "The value: percent points for a percent measure (85 is 85%), an amount in the measure's currency, a count or a number.",
    example: 92.5,
  }),
});

export const apiResultsBody = z
  .object({
    results: z.array(apiResultItem).min(1, "Send at least one result.").max(API_RESULTS_MAX, `Send at most ${API_RESULTS_MAX} results per call.`),
  })
  .meta({ description: "The values of one cycle. All are written, or none when any is invalid." });

/** The entry's input: the cycle from the URL and the body. */
export const apiResultsInput = apiResultsBody.extend({ cycleId: z.string().max(100) });

export const apiResultsAnswer = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string() }),
    received: answerCount,
    created: answerCount,
    updated: answerCount,
    unchanged: answerCount,
  })
  .meta({ description: "What the call changed. Sending the same values again changes nothing." });

export const apiError = z
  .object({
    error: z.object({
      code: z.enum(["unauthorized", "forbidden", "not_found", "invalid", "rate_limited", "bad_request"]),
      message: z.string(),
      rows: z
        .array(
          z.object({
            index: answerCount.meta({ description: "Position in `results`, from 0." }),
            email: z.string(),
            measure: z.string(),
            message: z.string(),
          }),
        )
        .optional()
        .meta({ description: "422: every invalid result; nothing was written." }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "422: problems with the body's shape, by path." }),
    }),
  })
  .meta({ description: "What went wrong; nothing was written." });
