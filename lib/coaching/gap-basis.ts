import { GAP_BASES, type GapBasis } from "@/db/schema/enums";

/**
 * What the queue's blind-spot and hidden-strength labels measure, in words: the raw gap (self minus leader), or the
 * gap relative to the rep's overall tendency. The values are the schema's (db/schema/enums.ts).
 */
export { GAP_BASES, type GapBasis };

export const GAP_BASIS_LABEL: Record<GapBasis, string> = {
  raw: "Raw gap",
  relative: "Relative to the rep's tendency",
};
