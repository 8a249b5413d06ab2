import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Panel } from "@/components/ui/page-header";
import type { CalibrationPage } from "@/lib/calibration/loaders";
import { formatDate } from "@/lib/format";

/** Every calibration round (a leader: those where they rate a second time), and, for admins, a new one. */
export function CalibrationRounds({
  slug,
  timeZone,
  admin,
  canStart,
  rounds,
}: {
  slug: string;
  timeZone: string;
  admin: boolean;
  canStart: boolean;
  rounds: CalibrationPage["rounds"];
}) {
  return (
    <Panel
      title="Calibration rounds"
      description={
        admin
          ? "Settle whether a leader's scale or the team differs: a second leader rates a sample of reps blind, and the two ratings are compared."
          : "Rounds where you rate other teams' reps a second time, blind."
      }
    >
      <div className="space-y-3">
        {rounds.length === 0 ? (
          <p className="text-sm text-slate-600">No calibration round yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rounds.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <Link href={`/o/${slug}/calibration/rounds/${r.id}`} className="font-medium text-brand-700 underline">
                  {r.cycleName}: round started {formatDate(r.createdAt, timeZone)}
                </Link>
                <span className="text-slate-600">
                  {admin ? `${r.reps} reps sampled` : `${r.ownReps} ${r.ownReps === 1 ? "rep" : "reps"} for you to rate`}
                </span>
                {r.finishedAt ? <Badge>Finished</Badge> : <Badge tone="blue">In progress</Badge>}
              </li>
            ))}
          </ul>
        )}
        {admin && canStart && (
          <Link href={`/o/${slug}/calibration/rounds/new`} className={buttonClasses("secondary")}>
            Start a calibration round
          </Link>
        )}
        {admin && !canStart && <p className="text-sm text-slate-600">A round starts in the open cycle: open one to start a round.</p>}
      </div>
    </Panel>
  );
}
