import type { ReactNode } from "react";
import { BehaviourAnchors } from "./behaviour-anchors";
import type { BehaviourView } from "./types";

/** One behaviour: its place in the order, name, description and anchors. `controls` are an admin's buttons. */
export function BehaviourCard({
  behaviour,
  position,
  handle,
  controls,
}: {
  behaviour: BehaviourView;
  position: number;
  handle?: ReactNode;
  controls?: ReactNode;
}) {
  return (
    <article className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200" aria-labelledby={`behaviour-${behaviour.id}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 items-start gap-3">
          {handle}
          <span
            className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 ring-1 ring-brand-100 ring-inset"
            aria-hidden="true"
          >
            {position}
          </span>
          <div className="min-w-0 flex-1">
            <h2 id={`behaviour-${behaviour.id}`} className="text-base font-semibold text-slate-900">
              <span className="sr-only">{position}. </span>
              {behaviour.name}
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">{behaviour.description}</p>
            {behaviour.relation && <RelationNote relation={behaviour.relation} />}
          </div>
        </div>
        {controls && <div className="flex flex-wrap items-center gap-1.5">{controls}</div>}
      </div>
      <BehaviourAnchors behaviour={behaviour} />
    </article>
  );
}

const TONE = {
  better: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  worse: "bg-amber-50 text-amber-900 ring-amber-200",
  unclear: "bg-slate-50 text-slate-700 ring-slate-200",
  none: "bg-slate-50 text-slate-600 ring-slate-200",
} as const;

/** The behaviour's relation to the main measure: a word for which way it goes, and the figures behind it. */
function RelationNote({ relation }: { relation: NonNullable<BehaviourView["relation"]> }) {
  return (
    <p className={`mt-2 inline-block rounded-md px-2 py-1 text-xs ring-1 ring-inset ${TONE[relation.tone]}`} data-testid="behaviour-relation">
      <span className="font-medium">{relation.text}</span>
      {relation.detail && <span className="block sm:inline sm:before:content-['_·_']">{relation.detail}</span>}
    </p>
  );
}
