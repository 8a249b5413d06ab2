import type { z } from "zod";
import { failure, type Failure } from "./outcome";

/** FormData to a plain object; a field sent several times becomes an array. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * The input of an action called as `action(input)` or, by a form, as `action(previousState, formData)`. Anyone can
 * post other arguments by hand (`[{}, "x"]` as JSON): a second argument that is not form data is passed on with
 * the first, as an array, which no action's object schema accepts, so validation refuses it after the session and
 * permission checks, like any other bad input.
 */
export function actionInput(args: readonly unknown[]): unknown {
  if (args.length !== 2) return args[0];
  return args[1] instanceof FormData ? formDataToObject(args[1]) : [...args];
}

/** What the person typed, to refill the form after a refusal. Passwords are never echoed back. */
export function typedValues(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** A NUL character, or half of a surrogate pair: PostgreSQL cannot store either (text refuses NUL, jsonb both). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in the input that cannot be stored, if any. */
function unstorablePath(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : undefined;
  if (!value || typeof value !== "object" || depth > 8) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = unstorablePath(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.output<S> } | { ok: false; failure: Failure } {
  const bad = unstorablePath(raw);
  if (bad) {
    const message = "This contains a character that cannot be saved (a null character or a broken emoji). Remove it and try again.";
    return { ok: false, failure: failure("invalid", undefined, { [bad.length ? bad.join(".") : "form"]: message }) };
  }
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, failure: failure("invalid", undefined, fieldErrors) };
}
