import type { DbOrTx } from "@/db/client";
import { insertOrganisationIfSlugFree } from "@/db/queries/organisations";
import { hyphenatedWords } from "@/lib/slug";

/** A URL slug from an organisation's name: "Brightwater Supply Co." -> "brightwater-supply-co". */
export function organisationSlug(name: string): string {
  return hyphenatedWords(name).slice(0, 40).replace(/-+$/g, "") || "org";
}

/** The slug with a short random suffix, for when the plain one is taken. */
export function suffixedSlug(base: string): string {
  const suffix = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).slice(0, 5);
  return `${base}-${suffix}`;
}

/**
 * Whether a value from a URL could be an organisation's slug (what organisationSlug and suffixedSlug make, with room to
 * spare). Anything else names no organisation and is answered "not found" before it reaches the database, which
 * would fail on a NUL byte rather than find nothing.
 */
export function isSlug(value: unknown): value is string {
  return typeof value === "string" && /^[a-z0-9-]{1,64}$/.test(value);
}

/**
 * Creates the organisation under the slug of its name, or a suffixed one when that is taken, also when another
 * sign-up with the same name takes it at this very moment (the insert skips a taken slug instead of failing).
 */
export async function insertOrganisationWithFreeSlug(db: DbOrTx, values: { name: string; timeZone: string }) {
  const base = organisationSlug(values.name);
  for (const slug of [base, suffixedSlug(base), suffixedSlug(base), suffixedSlug(base)]) {
    const org = await insertOrganisationIfSlugFree(db, { ...values, slug });
    if (org) return org;
  }
  throw new Error(`No free slug for ${base}`);
}
