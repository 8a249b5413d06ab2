"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { RenameDialog } from "@/components/ui/rename-dialog";
import { useActionRunner } from "@/components/ui/use-action";
import { moveToTeam } from "@/lib/members/actions";
import { addTeamLeader, archiveTeam, removeTeamLeader, renameTeam, restoreTeam } from "@/lib/teams/actions";

type Person = { userId: string; name: string };
type Team = { id: string; name: string; archivedAt: Date | null; leaders: { id: string; name: string }[]; repCount: number };

type Props = {
  slug: string;
  team: Team;
  canManage: boolean;
  leaders: Person[];
  reps: (Person & { teamId: string | null })[];
};

export function TeamCard({ slug, team, canManage, leaders, reps }: Props) {
  const { run, pending } = useActionRunner();
  const archived = team.archivedAt !== null;
  const leaderChoices = leaders.filter((l) => !team.leaders.some((t) => t.id === l.userId));
  const repChoices = reps.filter((r) => r.teamId !== team.id);

  return (
    <li className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold text-slate-900">{team.name}</h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {team.repCount} active {team.repCount === 1 ? "rep" : "reps"}
          </p>
        </div>
        {archived && <Badge>Archived</Badge>}
      </div>

      <h3 className="mt-4 text-xs font-semibold tracking-wide text-slate-500 uppercase">Leaders</h3>
      {team.leaders.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No leader yet.</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {team.leaders.map((leader) => (
            <li key={leader.id} className="flex items-center justify-between text-sm text-slate-800">
              {leader.name}
              {canManage && (
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Remove ${leader.name} as leader of ${team.name}`}>
                      Remove
                    </Button>
                  }
                  title={`Remove ${leader.name} as leader?`}
                  description={`${leader.name} will no longer see or rate ${team.name}. Their past ratings stay.`}
                  confirmLabel="Remove leader"
                  onConfirm={() =>
                    run(() => removeTeamLeader(slug, { teamId: team.id, userId: leader.id }), `${leader.name} no longer leads ${team.name}.`)
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}

      {canManage && !archived && (
        <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
          <PickAndRun
            label="Add a leader"
            choices={leaderChoices}
            empty={
              leaders.length === 0
                ? "No one is a leader yet. Make someone a leader on the Members page, or invite one."
                : "Every leader already leads this team."
            }
            button="Add"
            pending={pending}
            onPick={(person) => run(() => addTeamLeader(slug, { teamId: team.id, userId: person.userId }), `${person.name} now leads ${team.name}.`)}
          />
          <PickAndRun
            label="Move a rep here"
            choices={repChoices}
            empty={reps.length === 0 ? "No reps yet. Invite reps from the Invites page." : "Every rep is already in this team."}
            button="Move"
            pending={pending}
            onPick={(person) => run(() => moveToTeam(slug, { userId: person.userId, teamId: team.id }), `${person.name} moved to ${team.name}.`)}
          />
        </div>
      )}

      {canManage && (
        <div className="mt-4 flex gap-2 border-t border-slate-100 pt-4">
          <RenameDialog
            action={renameTeam.bind(null, slug)}
            trigger={
              <Button variant="secondary" size="sm">
                Rename
              </Button>
            }
            title={`Rename ${team.name}`}
            label="Team name"
            currentName={team.name}
            id={{ name: "teamId", value: team.id }}
            success="Team renamed."
          />
          {archived ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={pending}
              onClick={() => run(() => restoreTeam(slug, { teamId: team.id }), `${team.name} restored.`)}
            >
              Restore
            </Button>
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  Archive
                </Button>
              }
              title={`Archive ${team.name}?`}
              description="The team disappears from pickers and grids. Its history stays, and you can restore it at any time."
              confirmLabel="Archive team"
              onConfirm={() => run(() => archiveTeam(slug, { teamId: team.id }), `${team.name} archived.`)}
            />
          )}
        </div>
      )}
    </li>
  );
}

function PickAndRun({
  label,
  choices,
  empty,
  button,
  pending,
  onPick,
}: {
  label: string;
  choices: Person[];
  empty: string;
  button: string;
  pending: boolean;
  onPick: (person: Person) => void;
}) {
  const [chosen, setChosen] = useState("");
  if (choices.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  const person = choices.find((c) => c.userId === chosen);
  return (
    <div className="flex items-end gap-2">
      <SelectField label={label} value={chosen} onChange={(e) => setChosen(e.target.value)} className="flex-1">
        <option value="">Choose…</option>
        {choices.map((c) => (
          <option key={c.userId} value={c.userId}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Button
        variant="secondary"
        disabled={!person || pending}
        onClick={() => {
          if (person) onPick(person);
          setChosen("");
        }}
      >
        {button}
      </Button>
    </div>
  );
}
