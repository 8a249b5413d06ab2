import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { intField, uuidField } from "./fields";

/** Entries per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

const FIELD_NAMES = { actor: "Person", action: "Action", from: "From", to: "To", page: "Page" } as const;
type Param = keyof typeof FIELD_NAMES;

const isoDateField = z.string().refine((value) => isIsoDate(value) && value >= "1900-01-01" && value <= "9000-12-31", "not a yyyy-mm-dd date");

const rules = {
  actor: uuidField,
  action: z.string().max(100),
  from: isoDateField,
  to: isoDateField,
  page: intField("not a page number", 1, 100_000),
} satisfies Record<Param, z.ZodType>;

type Parsed = { [K in Param]?: z.output<(typeof rules)[K]> };

/**
 * The audit log's URL search params (`?actor=…&action=…&from=yyyy-mm-dd&to=yyyy-mm-dd&page=2`). A link can
 * hold anything, so this never refuses: a missing or empty value means "no filter", and a value that is
 * not valid is dropped and named in `ignored`, for the page to say so.
 */
export const auditSearchSchema = z.record(z.string(), z.unknown()).transform((raw) => {
  const values: Parsed = {};
  const ignored: string[] = [];
  for (const key of Object.keys(rules) as Param[]) {
    const given = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (given === undefined || given === null || given === "") continue;
    const parsed = rules[key].safeParse(typeof given === "string" ? given.trim() : given);
    if (parsed.success) (values as Record<Param, unknown>)[key] = parsed.data;
    else ignored.push(FIELD_NAMES[key]);
  }
  return { ...values, page: values.page ?? 1, ignored };
});
