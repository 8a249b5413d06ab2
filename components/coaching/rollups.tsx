import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { OrganisationRollup, TeamRollup } from "@/lib/coaching/queue";
import { isMisSeen, isWeak, MIS_SEEN_MIN, MIS_SEEN_SHARE, TRAINING_TOPICS, WEAK_AVERAGE_BELOW } from "@/lib/coaching/rules";

const avg = (value: number | null) => (value === null ? "—" : value.toFixed(1));

export const ROLLUP_RULE = `Weak: the team's average is below ${WEAK_AVERAGE_BELOW}. Mis-seen: ${MIS_SEEN_MIN} or more reps, and at least ${MIS_SEEN_SHARE * 100}% of those rated, have a blind spot or a hidden strength on it.`;

/** One team's behaviours, weakest first: average, label counts, and whether it is weak or mis-seen. */
export function TeamRollupTable({ rollup }: { rollup: TeamRollup }) {
  return (
    <Table caption={`${rollup.teamName}: behaviours, weakest first`}>
      <thead>
        <tr>
          <Th>Behaviour</Th>
          <Th className="text-right">Average</Th>
          <Th className="text-right">Rated</Th>
          <Th className="text-right">Blind spots</Th>
          <Th className="text-right">Hidden strengths</Th>
          <Th className="text-right">Agreed weaknesses</Th>
          <Th>Flag</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rollup.behaviours.map((b) => {
          const weak = isWeak(b.average);
          const misSeen = isMisSeen(b.misSeen, b.rated);
          return (
            <tr key={b.behaviourId}>
              <Td className="font-medium text-slate-900">{b.name}</Td>
              <Td className="text-right tabular-nums">{avg(b.average)}</Td>
              <Td className="text-right tabular-nums">{b.rated}</Td>
              <Td className="text-right tabular-nums">{b.blindSpots}</Td>
              <Td className="text-right tabular-nums">{b.hiddenStrengths}</Td>
              <Td className="text-right tabular-nums">{b.agreedWeaknesses}</Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {weak && <Badge tone="red">Weak</Badge>}
                  {misSeen && <Badge tone="amber">Mis-seen</Badge>}
                  {!weak && !misSeen && <span className="text-xs text-slate-600">—</span>}
                </span>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Across the organisation: behaviours weakest first (the first ones are training topics) and the spread between teams. */
export function OrganisationRollupTable({ rollup }: { rollup: OrganisationRollup }) {
  return (
    <Table caption="Organisation: behaviours, weakest first, with the spread between teams">
      <thead>
        <tr>
          <Th>Behaviour</Th>
          <Th className="text-right">Average</Th>
          <Th className="text-right">Lowest team</Th>
          <Th className="text-right">Highest team</Th>
          <Th className="text-right">Spread</Th>
          <Th className="text-right">Mis-seen</Th>
          <Th>Suggestion</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rollup.map((b, i) => (
          <tr key={b.behaviourId}>
            <Td className="font-medium text-slate-900">{b.name}</Td>
            <Td className="text-right tabular-nums">{avg(b.average)}</Td>
            <Td className="text-right tabular-nums">
              {avg(b.lowestTeam)}
              {b.lowestTeamName && <span className="block text-xs text-slate-600">{b.lowestTeamName}</span>}
            </Td>
            <Td className="text-right tabular-nums">
              {avg(b.highestTeam)}
              {b.highestTeamName && <span className="block text-xs text-slate-600">{b.highestTeamName}</span>}
            </Td>
            <Td className="text-right tabular-nums">{avg(b.spread)}</Td>
            <Td className="text-right tabular-nums">{`${b.misSeen} of ${b.rated}`}</Td>
            <Td>
              {i < TRAINING_TOPICS && b.average !== null ? (
                <Badge tone="red">Training topic</Badge>
              ) : (
                <span className="text-xs text-slate-600">—</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
