import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { RoundPage } from "@/lib/calibration/round-loaders";

type Agreement = NonNullable<RoundPage["agreement"]>;
type Figures = Agreement["overall"];

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const alphaText = (f: Figures) => (f.alpha === null ? "—" : f.alpha.toFixed(2));

function Verdict({ figures, minReps }: { figures: Figures; minReps: number }) {
  if (figures.reps < minReps)
    return (
      <span className="text-slate-500">
        Too few: {figures.reps} of {minReps} reps rated twice
      </span>
    );
  if (figures.alpha === null) return <span className="text-slate-500">Every score the same: nothing to compare</span>;
  return figures.flagged ? <Badge tone="amber">The 1/3/5 anchors may be read differently</Badge> : <Badge tone="green">Read the same way</Badge>;
}

/** Agreement between the first and the second rating, overall and per behaviour, with the count behind each figure. */
export function RoundAgreement({ slug, agreement, rule }: { slug: string; agreement: Agreement; rule: RoundPage["rule"] }) {
  const overall = agreement.overall;
  const flagged = agreement.behaviours.filter((b) => b.flagged);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="overall-agreement">
        {overall.reps < rule.minReps
          ? `Overall: ${overall.reps} ${overall.reps === 1 ? "rep" : "reps"} rated twice so far. The figures appear from ${rule.minReps} reps rated twice.`
          : `Overall, over ${overall.reps} reps rated twice: the two raters gave the same score ${percent(overall.exact)} of the time, scores at most one point apart ${percent(overall.withinOne)} of the time; Krippendorff's alpha ${alphaText(overall)} (1 is full agreement, 0 what chance gives; below ${rule.alpha} the raters read the scale differently).`}
      </p>
      <div className="overflow-x-auto">
        <Table caption="Agreement per behaviour between the leader's rating and the second rating">
          <thead>
            <tr>
              <Th>Behaviour</Th>
              <Th className="text-right">Reps rated twice</Th>
              <Th className="text-right">Same score</Th>
              <Th className="text-right">Within one point</Th>
              <Th className="text-right">Alpha</Th>
              <Th>Reading</Th>
            </tr>
          </thead>
          <tbody>
            {agreement.behaviours.map((b) => (
              <tr key={b.behaviourId}>
                <Td className="font-medium text-slate-900">{b.name}</Td>
                <Td className="text-right tabular-nums">{b.reps}</Td>
                <Td className="text-right tabular-nums">{percent(b.exact)}</Td>
                <Td className="text-right tabular-nums">{percent(b.withinOne)}</Td>
                <Td className="text-right tabular-nums">{alphaText(b)}</Td>
                <Td>
                  <Verdict figures={b} minReps={rule.minReps} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {flagged.map((b) => (
        <section key={b.behaviourId} className="space-y-2 rounded-md p-4 ring-1 ring-amber-200" aria-labelledby={`flag-${b.behaviourId}`}>
          <h3 id={`flag-${b.behaviourId}`} className="text-sm font-semibold text-slate-900">
            {b.name}: the 1/3/5 anchors may be read differently
          </h3>
          <p className="text-sm text-slate-700">
            Alpha {alphaText(b)} over {b.reps} reps rated twice, below {rule.alpha}. Read both raters&apos; notes, then make the anchors plainer.{" "}
            <Link href={`/o/${slug}/framework#behaviour-${b.behaviourId}`} className="font-medium text-brand-700 underline">
              Edit {b.name}
            </Link>
          </p>
          {b.comments.length === 0 ? (
            <p className="text-sm text-slate-500">Neither rater left a note on this behaviour.</p>
          ) : (
            <div className="overflow-x-auto">
              <Table caption={`${b.name}: both raters' notes side by side`}>
                <thead>
                  <tr>
                    <Th>Rep</Th>
                    <Th>Leader&apos;s rating</Th>
                    <Th>Second rating</Th>
                  </tr>
                </thead>
                <tbody>
                  {b.comments.map((c) => (
                    <tr key={c.repUserId}>
                      <Td className="font-medium text-slate-900">{c.repName}</Td>
                      <Td>
                        {c.first}
                        {c.firstComment ? `: ${c.firstComment}` : ""}
                      </Td>
                      <Td>
                        {c.second}
                        {c.secondComment ? `: ${c.secondComment}` : ""}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
