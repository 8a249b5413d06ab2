import { formatSigned } from "@/components/grid/heatmap";

/** Change since the previous cycle as a signed number with a word, so colour is never the only cue. */
export function ChangeText({ value }: { value: number | null }) {
  if (value === null) return <span className="text-slate-500">–</span>;
  const word = value > 0 ? "up" : value < 0 ? "down" : "no change";
  const tone = value > 0 ? "text-emerald-700" : value < 0 ? "text-purple-700" : "text-slate-600";
  return (
    <span className={`tabular-nums ${tone}`}>
      {formatSigned(value, 1)} <span className="sr-only">({word})</span>
    </span>
  );
}
