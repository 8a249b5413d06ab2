import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Figures, RaterFigures } from "@/lib/calibration/rules";
import { formatSigned } from "@/lib/format";

const fixed = (n: number | null) => (n === null ? "—" : n.toFixed(2));

/** The 1-5 distribution as five small bars, with the counts spelled out for screen readers and on hover. */
function Distribution({ counts }: { counts: readonly number[] }) {
  const most = Math.max(1, ...counts);
  const words = counts.map((n, i) => `${n} × ${i + 1}`).join(", ");
  return (
    <span className="inline-flex h-6 items-end gap-0.5" role="img" aria-label={`Scores: ${words}`} title={words}>
      {counts.map((n, i) => (
        <span key={i} className="w-2.5 rounded-sm bg-brand-600" style={{ height: `${Math.max(2, (n / most) * 24)}px`, opacity: n === 0 ? 0.2 : 1 }} />
      ))}
    </span>
  );
}

function TendencyBadge({ tendency }: { tendency: Figures["tendency"] }) {
  if (!tendency) return null;
  return <Badge tone="amber">{tendency === "higher" ? "Rates higher than other leaders" : "Rates lower than other leaders"}</Badge>;
}

function FigureCells({ f }: { f: Figures }) {
  return (
    <>
      <Td className="text-right tabular-nums">{f.count}</Td>
      <Td className="text-right tabular-nums">{fixed(f.mean)}</Td>
      <Td className="text-right tabular-nums">{fixed(f.sd)}</Td>
      <Td>
        <Distribution counts={f.distribution} />
      </Td>
      <Td className="text-right tabular-nums">{formatSigned(f.vsOrganisation)}</Td>
      <Td className="text-right tabular-nums">{formatSigned(f.vsOthers)}</Td>
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <Th>{first}</Th>
        <Th className="text-right">Ratings</Th>
        <Th className="text-right">Mean</Th>
        <Th className="text-right">Std. dev.</Th>
        <Th>1 – 5</Th>
        <Th className="text-right">vs. organisation</Th>
        <Th className="text-right">vs. other leaders</Th>
      </tr>
    </thead>
  );
}

/** Every rater's overall figures, one row each. */
export function RaterTable({ raters, caption }: { raters: RaterFigures[]; caption: string }) {
  return (
    <Table caption={caption}>
      <Head first="Rater" />
      <tbody>
        {raters.map((r) => (
          <tr key={r.userId} data-testid="rater-row">
            <Td>
              <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {r.name}
                <TendencyBadge tendency={r.overall.tendency} />
              </span>
            </Td>
            <FigureCells f={r.overall} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** One rater's figures per behaviour. */
export function BehaviourTable({ rater }: { rater: RaterFigures }) {
  return (
    <Table caption={`${rater.name}: per behaviour`}>
      <Head first="Behaviour" />
      <tbody>
        {rater.behaviours.map((b) => (
          <tr key={b.behaviourId}>
            <Td>
              <span className="flex flex-wrap items-center gap-2">
                {b.name}
                <TendencyBadge tendency={b.tendency} />
              </span>
            </Td>
            <FigureCells f={b} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
