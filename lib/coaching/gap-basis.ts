/**
 * What the queue's blind-spot and hidden-strength labels measure. No imports: the schema's pgEnum, the settings
 * form (a client component) and the queue all read the values from here.
 */
export const GAP_BASES = ["raw", "relative"] as const;
export type GapBasis = (typeof GAP_BASES)[number];

export const GAP_BASIS_LABEL: Record<GapBasis, string> = {
  raw: "Raw gap",
  relative: "Relative to the rep's tendency",
};
