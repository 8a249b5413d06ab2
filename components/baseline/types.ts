import type { loadBaseline } from "@/lib/assessments/loaders";

type Baseline = Awaited<ReturnType<typeof loadBaseline>>;
type BaselineCycle = NonNullable<Baseline["cycle"]>;
export type BaselineRow = BaselineCycle["rows"][number];

/** What stands in for a side the viewer may not see: never a number. */
export function hiddenLabel(side: "self" | "leader"): string {
  return side === "leader" ? "Hidden until shared" : "Hidden until submitted";
}
