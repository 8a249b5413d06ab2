/** A behaviour as the framework page shows it. */
export type BehaviourView = {
  id: string;
  name: string;
  description: string;
  level1: string;
  level3: string;
  level5: string;
  archived: boolean;
  /** Admins: the behaviour's relation to the organisation's main measure, in words (lib/results/analysis.ts). */
  relation?: { text: string; detail: string | null; tone: "better" | "worse" | "unclear" | "none" } | null;
};
