/** Lower-case ASCII words joined by hyphens, accents dropped: "Ålesund Fisk & Sønner" -> "alesund-fisk-s-nner" ("" when none is left). */
export function hyphenatedWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A name as part of a download's file name ("Q1 2027" -> "q1-2027"), or `fallback` when nothing of it is left. */
export function fileNameSlug(name: string, fallback: string): string {
  return hyphenatedWords(name) || fallback;
}
