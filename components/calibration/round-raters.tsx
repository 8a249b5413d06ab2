import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { RoundPage } from "@/lib/calibration/round-loaders";
import { formatSigned } from "@/lib/format";

/** Who rates higher on the same reps: each rater's scores against the other rating of the same rep and behaviour. */
export function RoundRaters({ raters, rule }: { raters: RoundPage["raters"]; rule: RoundPage["rule"] }) {
  if (raters.length === 0) return <p className="text-sm text-slate-500">No rep has both ratings on a behaviour yet.</p>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Difference: a rater&apos;s score minus the other rating of the same rep on the same behaviour, on average. Both are of the same rep&apos;s
        work, so a difference here is the raters&apos;, not the teams&apos;. A rater {rule.leniencyGap} or more away, over at least{" "}
        {rule.leniencyMinRatings} ratings, is marked.
      </p>
      <div className="overflow-x-auto">
        <Table caption="Each rater's scores against the other rating of the same rep on the same behaviour">
          <thead>
            <tr>
              <Th>Rater</Th>
              <Th className="text-right">Ratings</Th>
              <Th className="text-right">Difference</Th>
              <Th>Reading</Th>
            </tr>
          </thead>
          <tbody>
            {raters.map((r) => (
              <tr key={r.userId}>
                <Td className="font-medium text-slate-900">{r.name}</Td>
                <Td className="text-right tabular-nums">{r.count}</Td>
                <Td className="text-right tabular-nums">{formatSigned(r.offset)}</Td>
                <Td>
                  {r.tendency ? (
                    <Badge tone="amber">{r.tendency === "higher" ? "Rates higher" : "Rates lower"}</Badge>
                  ) : r.count < rule.leniencyMinRatings ? (
                    <span className="text-slate-500">
                      Too few: {r.count} of {rule.leniencyMinRatings}
                    </span>
                  ) : (
                    <span className="text-slate-600">In line</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
