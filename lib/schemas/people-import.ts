import { z } from "zod";
import { IMPORT_LIMITS, formatBytes } from "@/lib/people-import/format";
import { parsePeopleFile } from "@/lib/people-import/parse";
import { checkboxField, intField } from "./fields";

/** The file's text as uploaded or pasted, read into its rows; what cannot be read is refused with the reason. */
const peopleFileField = z
  .string({ error: "Choose a CSV file or paste the rows from your spreadsheet." })
  // Characters first: a string this long cannot be within the byte limit, and is not encoded to find out.
  .max(IMPORT_LIMITS.bytes, `An import takes at most ${formatBytes(IMPORT_LIMITS.bytes)}. Split the file into smaller ones.`)
  .transform((text, ctx) => {
    const parsed = parsePeopleFile(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.sheet;
  });

export const previewImportSchema = z.object({ content: peopleFileField });

/** One value or several (a form's repeated checkbox), as a list. */
const list = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);

export const confirmImportSchema = z.object({
  content: peopleFileField,
  /** The preview's digest: when given, the confirm refuses if what it would do is no longer what was previewed. */
  digest: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, "Preview the file again.")
      .optional(),
  ),
  /** Addresses of the members whose differences from the file to apply; the others are left as they are. */
  apply: z.preprocess(
    list,
    z
      .array(
        z
          .string()
          .max(254, "That is not an email address.")
          .transform((e) => e.toLowerCase()),
      )
      .max(IMPORT_LIMITS.rows, "Too many changes chosen."),
  ),
  /** Mail each new person their invitation (otherwise their links come back once, to download). */
  sendEmail: checkboxField,
  expiresInHours: intField(
    { invalid: "Choose when the links expire.", min: "A link lasts at least 1 hour.", max: "A link lasts at most 30 days." },
    1,
    720,
  ).default(168),
});
