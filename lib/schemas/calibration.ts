import { z } from "zod";
import { uuidField } from "./fields";

/** The calibration page and its CSV: the cycle to show (else the open one, else the last that opened). */
export const calibrationViewSchema = z.object({ cycle: uuidField.optional().catch(undefined) });

/** The new-round page: the sample size per team, "4" or "30%" (anything else falls back to the default). */
export const roundProposalSchema = z.object({ size: z.string().max(10).optional().catch(undefined) });

const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]);

/** Starting a round: the sampled reps, and per team its second rater as "teamId:userId". */
export const startRoundSchema = z.object({
  cycleId: uuidField,
  reps: z.preprocess(
    asList,
    z.array(uuidField, { error: "Choose reps from the list." }).min(1, "Choose at least one rep to sample.").max(5000, "Choose at most 5,000 reps."),
  ),
  raters: z.preprocess(
    asList,
    z
      .array(z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, "Choose a second rater from the list."), {
        error: "Choose a second rater for each team.",
      })
      .max(5000, "Too many teams.")
      .transform((pairs) => new Map(pairs.map((p) => [p.slice(0, 36).toLowerCase(), p.slice(37).toLowerCase()]))),
  ),
});

/** A round, for its page and for finishing it. */
export const roundIdSchema = z.object({ roundId: uuidField });

const SCORE_KEY = /^score\.([0-9a-f-]{36})$/i;
const COMMENT_KEY = /^comment\.([0-9a-f-]{36})$/i;

/**
 * A second rater's scores of one rep: `score.<behaviourId>` (1-5; blank leaves that behaviour unrated) and
 * `comment.<behaviourId>` fields, as the round page's form posts them.
 */
export const secondRatingSchema = z
  .object({ roundId: uuidField, repUserId: uuidField })
  .catchall(z.unknown())
  .transform((input, ctx) => {
    const scores = new Map<string, { score: number; comment: string | null }>();
    const comments = new Map<string, string>();
    for (const [key, value] of Object.entries(input)) {
      const comment = COMMENT_KEY.exec(key);
      if (comment) {
        if (typeof value !== "string" || value.length > 2000)
          ctx.addIssue({ code: "custom", path: [key], message: "Keep the note under 2,000 characters." });
        else if (value.trim() !== "") comments.set(comment[1]!.toLowerCase(), value.trim());
      }
    }
    for (const [key, value] of Object.entries(input)) {
      const score = SCORE_KEY.exec(key);
      if (!score || value === "" || value === undefined || value === null) continue;
      const parsed = typeof value === "number" || typeof value === "string" ? Number(value) : NaN;
      if (!Number.isInteger(parsed) || parsed < 1 || parsed > 5) {
        ctx.addIssue({ code: "custom", path: [key], message: "A score is a whole number from 1 to 5." });
        continue;
      }
      const id = score[1]!.toLowerCase();
      scores.set(id, { score: parsed, comment: comments.get(id) ?? null });
    }
    if (scores.size > 500) ctx.addIssue({ code: "custom", path: ["form"], message: "Too many behaviours." });
    return { roundId: input.roundId, repUserId: input.repUserId, scores };
  });
