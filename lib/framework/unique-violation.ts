/**
 * The name of the unique constraint a database error broke, or undefined for any other error. Works for both
 * drivers (postgres.js and PGlite) and through Drizzle's wrapping of the driver's error.
 */
export function brokenUniqueConstraint(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const fields = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (fields.code === "23505") {
      const name = fields.constraint_name ?? fields.constraint;
      return typeof name === "string" ? name : "";
    }
  }
  return undefined;
}
