import { z } from "zod";

/** Shared field rules, so a form and the action that receives it agree on every message. */
export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."))
  .transform((value) => value.toLowerCase());

export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.");

export const personNameField = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Keep the name under 100 characters.");

export const organisationNameField = z
  .string({ error: "Enter the organisation's name." })
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(80, "Keep the name under 80 characters.");

const zones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

export const timeZoneField = z.string({ error: "Choose a time zone." }).refine((value) => zones.has(value), "Choose a time zone from the list.");

export const uuidField = z.uuid("That id is not valid.");

/** PostgreSQL's `integer` (int4): the widest range any integer input may have, so none can overflow its column. */
export const INT4 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

type IntMessages = string | { invalid: string; min?: string; max?: string };

/**
 * Every integer input: a whole number from a call (3) or a form ("3"), from `min` to `max`, never beyond
 * PostgreSQL's integer. One message for anything wrong, or separate ones for too small and too large.
 */
export function intField(messages: IntMessages, min: number, max: number = INT4.max) {
  if (min < INT4.min || max > INT4.max) throw new Error(`intField(${min}, ${max}) reaches beyond PostgreSQL's integer`);
  const { invalid, min: tooSmall = invalid, max: tooLarge = invalid } = typeof messages === "string" ? { invalid: messages } : messages;
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ error: invalid }).int(invalid).min(min, tooSmall).max(max, tooLarge),
  );
}

/** A measured value from a call: any finite number, for a double precision column (zod refuses NaN and infinities). */
export const finiteNumberField = (message: string) => z.number({ error: message });

/** A count in an answer the app sends, never an input (the OpenAPI description shows it as a whole number). */
export const answerCount = z.number().int().nonnegative();

export function timeZoneOptions(): string[] {
  return [...zones].sort();
}

/** A form field that may be left blank: "" and absent become null; anything else must pass `field`. */
export function blankable<T extends z.ZodType>(field: T) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), field.optional()).transform((value) => value ?? null);
}

/** What a checkbox may send: "on" or true when ticked; "off" (a hidden field before it) or false when not. */
const CHECKBOX_VALUES = new Map<unknown, boolean>([
  [true, true],
  ["on", true],
  ["true", true],
  [false, false],
  ["off", false],
  ["false", false],
]);

/** The last value sent (after a hidden "off" field the box's own value wins); anything unknown passes as is, to be refused. */
function checkboxValue(value: unknown): unknown {
  const last: unknown = Array.isArray(value) ? value.at(-1) : value;
  return last === undefined || last === null ? undefined : (CHECKBOX_VALUES.get(last) ?? last);
}

const notACheckbox = "Tick the box or leave it empty.";

/** A checkbox: ticked or not; left out means not ticked. */
export const checkboxField = z.preprocess((v) => checkboxValue(v) ?? false, z.boolean(notACheckbox));

/** A checkbox whose absence means "leave the setting as it is". */
export const optionalCheckboxField = z.preprocess(checkboxValue, z.boolean(notACheckbox).optional());
