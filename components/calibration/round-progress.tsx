import { Table, Td, Th } from "@/components/ui/table";
import type { RoundPage } from "@/lib/calibration/round-loaders";

/** Per sampled rep: who rates them the second time and how many behaviours each side has rated. */
export function RoundProgress({ progress, behaviourCount }: { progress: RoundPage["progress"]; behaviourCount: number }) {
  return (
    <div className="overflow-x-auto">
      <Table caption="Each sampled rep's ratings so far">
        <thead>
          <tr>
            <Th>Rep</Th>
            <Th>Team</Th>
            <Th>Second rater</Th>
            <Th className="text-right">Second ratings</Th>
            <Th className="text-right">Leader ratings</Th>
            <Th className="text-right">Both in</Th>
          </tr>
        </thead>
        <tbody>
          {progress.map((p) => (
            <tr key={p.repUserId}>
              <Td className="font-medium text-slate-900">{p.repName}</Td>
              <Td>{p.teamName}</Td>
              <Td>{p.secondRaterName}</Td>
              <Td className="text-right tabular-nums">
                {p.secondCount} of {behaviourCount}
              </Td>
              <Td className="text-right tabular-nums">
                {p.firstCount} of {behaviourCount}
              </Td>
              <Td className="text-right tabular-nums">{p.bothCount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
