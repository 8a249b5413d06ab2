import { z } from "zod";

/** The most addresses one bulk invite takes. */
export const BULK_INVITE_MAX = 200;

const address = z.email();

/**
 * The addresses in a pasted list: separated by new lines, commas, semicolons or spaces, as copied from a
 * spreadsheet column or a mail client ("Ana Diaz <ana@acme.com>" gives ana@acme.com). Lower-cased, each once, in
 * the order given; what is not an address comes back in `invalid`, as typed.
 */
export function parseAddressList(text: string): { addresses: string[]; invalid: string[] } {
  const addresses: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  // An address in angle brackets stands for its whole entry, display name (quoted, commas and all) included.
  const entries = text
    .replace(/"[^"]*"/g, " ")
    .replace(/[^,;\n<>]*<([^<>]*)>/g, " $1 ")
    .split(/[\s,;]+/);
  for (const entry of entries) {
    const candidate = entry.trim().replace(/^mailto:/i, "");
    if (!candidate) continue;
    if (!address.safeParse(candidate).success || candidate.length > 254) {
      invalid.push(candidate);
      continue;
    }
    const email = candidate.toLowerCase();
    if (!seen.has(email)) {
      seen.add(email);
      addresses.push(email);
    }
  }
  return { addresses, invalid };
}
