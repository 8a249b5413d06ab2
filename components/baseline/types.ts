import type { loadBaseline } from "@/lib/assessments/loaders";

export type Baseline = Awaited<ReturnType<typeof loadBaseline>>;
export type BaselineCycle = NonNullable<Baseline["cycle"]>;
export type BaselineRow = BaselineCycle["rows"][number];
export type BaselineHistory = Baseline["history"];

/** What stands in for a side the viewer may not see: never a number. */
export function hiddenLabel(side: "self" | "leader"): string {
  return side === "leader" ? "Hidden until shared" : "Hidden until submitted";
}
