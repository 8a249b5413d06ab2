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
    <div role="table" aria-label={`Behaviours and ${relations.measure.name}`} className="text-sm">
      <div role="rowgroup" className="hidden sm:block">
        <div role="row" className={`grid gap-4 border-b border-slate-200 pb-2 text-xs font-semibold text-slate-600 ${grid}`}>
          <div role="columnheader">Behaviour</div>
          {columns.map((c) => (
            <div role="columnheader" key={c}>
              {c}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup">
        {relations.behaviours.map((b) => (
          <div role="row" key={b.behaviourId} className={`grid gap-2 border-b border-slate-100 py-3 last:border-0 sm:gap-4 ${grid}`}>
            <div role="rowheader" className="font-semibold text-slate-900">
              {b.name}
            </div>
            <div role="cell">
              <RelationCell label={columns[0]!} relation={b.leader.cycle} />
            </div>
            <div role="cell">
              <RelationCell label={columns[1]!} relation={b.leader.pooled} />
            </div>
            {withSelf && b.self && (
              <>
                <div role="cell">
                  <RelationCell label={columns[2]!} relation={b.self.cycle} />
                </div>
                <div role="cell">
                  <RelationCell label={columns[3]!} relation={b.self.pooled} />
                </div>
              </>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
