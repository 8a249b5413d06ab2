import { z } from "zod";
import { CHECK_IN_EXPIRY_DAYS, DEFAULT_CHECK_IN_EXPIRY_DAYS } from "@/lib/check-ins/status";
import { optionalText, trustField } from "./relationships";
import { blankable, emailField, uuidField } from "./fields";

export const CHECK_IN_LIMITS = { friction: 2000, wouldHelp: 2000, name: 100 } as const;
/** Everything a check-in form sends, added up: well above what the fields allow, far below a flood. */
const CHECK_IN_MAX_BODY_CHARS = 8_000;

export const createCheckInSchema = z.object({
  relationshipId: uuidField,
  expiresInDays: z.preprocess(
    (v) => (v === undefined || v === "" ? DEFAULT_CHECK_IN_EXPIRY_DAYS : typeof v === "string" ? Number(v) : v),
    z.union(
      CHECK_IN_EXPIRY_DAYS.map((d) => z.literal(d)),
      { error: `Choose how long the link lasts: ${CHECK_IN_EXPIRY_DAYS.join(", ")} days.` },
    ),
  ),
  /** The counterpart's address: when given, the link is also mailed there. */
  email: blankable(emailField),
});

export const checkInIdSchema = z.object({ relationshipId: uuidField, checkInId: uuidField });

/** The characters of every string in a raw input (a form's fields, or an object's values). */
function totalChars(raw: unknown): number {
  if (typeof raw === "string") return raw.length;
  if (Array.isArray(raw)) return raw.reduce<number>((sum, v) => sum + totalChars(v), 0);
  if (raw && typeof raw === "object") return Object.entries(raw).reduce((sum, [k, v]) => sum + k.length + totalChars(v), 0);
  return 0;
}

const answerFields = z.object({
  trust: z.preprocess((v) => (v === "" ? undefined : v), trustField),
  salesFrustratesUs: optionalText(CHECK_IN_LIMITS.friction, "this answer"),
  wouldHelp: optionalText(CHECK_IN_LIMITS.wouldHelp, "this answer"),
  respondentName: optionalText(CHECK_IN_LIMITS.name, "your name"),
});

/**
 * The counterpart's answer. Each field has its own limit; a body larger than all of them together (extra
 * fields, a script) is refused as a whole before any field is read.
 */
export const checkInAnswerSchema = z
  .unknown()
  .superRefine((raw, ctx) => {
    if (totalChars(raw) > CHECK_IN_MAX_BODY_CHARS) {
      ctx.addIssue({ code: "custom", message: "This answer is too long to send. Shorten it and try again.", abort: true });
    }
  })
  .pipe(answerFields);
