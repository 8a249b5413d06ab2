import type { RelationshipStatus } from "@/lib/relationships/rules";

/** The badge colour of a relationship's status. */
export const RELATIONSHIP_STATUS_TONE: Record<RelationshipStatus, "red" | "neutral" | "blue" | "green"> = {
  strained: "red",
  neutral: "neutral",
  building: "blue",
  strong: "green",
};
