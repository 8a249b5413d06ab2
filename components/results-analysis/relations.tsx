import { StackedTable } from "./stacked-table";
import { relationDetail, relationHeadline, type MeasureRelations, type Relation } from "@/lib/results/analysis";

const TONE: Record<string, string> = {
  better: "text-emerald-800",
  worse: "text-amber-900",
  unclear: "text-slate-700",
  none: "text-slate-500",
};

function toneOf(relation: Relation) {
  return relation.kind === "figure" ? relation.verdict : "none";
}

/** One figure: which way it goes in words, then rho, its interval and the reps behind it. */
function RelationCell({ label, relation }: { label: string; relation: Relation }) {
  const detail = relationDetail(relation);
  return (
    <div className="min-w-0 text-sm">
      <div className="text-xs font-medium text-slate-500 sm:sr-only">{label}</div>
      <div className={`font-medium ${TONE[toneOf(relation)]}`}>{relationHeadline(relation)}</div>
      {detail && <div className="text-xs text-slate-600 tabular-nums">{detail}</div>}
    </div>
  );
}

/**
 * A measure's behaviours, strongest relation first: the leader's score in the chosen cycle and pooled, and beside
 * them the rep's own rating where the coach may see it. A grid that stacks into labelled cells on a phone.
 */
export function MeasureRelationsList({ relations, cycleName, pooledLabel }: { relations: MeasureRelations; cycleName: string; pooledLabel: string }) {
  const withSelf = relations.behaviours.some((b) => b.self !== null);
  const columns = withSelf
    ? [`Leader score, ${cycleName}`, `Leader score, ${pooledLabel}`, `Self rating, ${cycleName}`, `Self rating, ${pooledLabel}`]
    : [`Leader score, ${cycleName}`, `Leader score, ${pooledLabel}`];
  const grid = withSelf ? "sm:grid-cols-[minmax(9rem,1.2fr)_repeat(4,minmax(0,1fr))]" : "sm:grid-cols-[minmax(9rem,1.2fr)_repeat(2,minmax(0,1fr))]";
  return (
    <StackedTable
      label={`Behaviours and ${relations.measure.name}`}
      first="Behaviour"
      columns={columns}
      grid={grid}
      rows={relations.behaviours.map((b) => ({
        key: b.behaviourId,
        header: b.name,
        cells: [b.leader.cycle, b.leader.pooled, ...(withSelf && b.self ? [b.self.cycle, b.self.pooled] : [])].map((relation, i) => (
          <RelationCell key={columns[i]} label={columns[i]!} relation={relation} />
        )),
      }))}
    />
  );
}
