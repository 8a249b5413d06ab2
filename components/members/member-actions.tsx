"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { changeRole, deactivateMember, reactivateMember } from "@/lib/members/actions";
import { sendPasswordReset } from "@/lib/members/password-reset";
import type { MemberRole } from "@/lib/permissions";

type Member = { userId: string; name: string; role: MemberRole; status: "active" | "deactivated"; teamId: string | null };

/** An admin's actions on one member: change role (and team), send a password reset link, deactivate or reactivate, each confirmed. */
export function MemberActions({
  slug,
  member,
  teams,
  isSelf,
}: {
  slug: string;
  member: Member;
  teams: { id: string; name: string }[];
  isSelf: boolean;
}) {
  const { run, pending } = useActionRunner();
  return (
    <div className="flex justify-end gap-2">
      <ChangeRole slug={slug} member={member} teams={teams} />
      {member.status === "active" && !isSelf && (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Send ${member.name} a password reset link`} disabled={pending}>
              Reset password
            </Button>
          }
          title={`Send ${member.name} a password reset link?`}
          description={`${member.name} gets a mail with a link to choose a new password, valid for 60 minutes. Their password stays as it is until they use it; you never see it.`}
          confirmLabel="Send the link"
          destructive={false}
          onConfirm={() => run(() => sendPasswordReset(slug, { userId: member.userId }), `A reset link is on its way to ${member.name}.`)}
        />
      )}
      {member.status === "active" ? (
        !isSelf && (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" aria-label={`Deactivate ${member.name}`}>
                Deactivate
              </Button>
            }
            title={`Deactivate ${member.name}?`}
            description={`${member.name} loses access to this organisation at once, even if signed in now. Their ratings, notes and history stay, and you can reactivate them later.`}
            confirmLabel="Deactivate"
            onConfirm={() => run(() => deactivateMember(slug, { userId: member.userId }), `${member.name} was deactivated.`)}
          />
        )
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Reactivate ${member.name}`} disabled={pending}>
              Reactivate
            </Button>
          }
          title={`Reactivate ${member.name}?`}
          description={`${member.name} gets access to this organisation again, with the role ${member.role}.`}
          confirmLabel="Reactivate"
          destructive={false}
          onConfirm={() => run(() => reactivateMember(slug, { userId: member.userId }), `${member.name} was reactivated.`)}
        />
      )}
    </div>
  );
}

/** What a saved "Role & team" did, in words: a move between teams is not a role change. */
function roleChangeMessage(member: Member, role: string, teamName: string | undefined): string {
  const inTeam = teamName ? ` in ${teamName}` : "";
  if (role === member.role) return role === "rep" ? `${member.name} moved to ${teamName ?? "another team"}.` : `${member.name}'s role is unchanged.`;
  if (role === "rep") return `${member.name} is now a rep${inTeam}.`;
  if (role === "leader") return `${member.name} is now a leader. Choose the teams they lead on the Teams page.`;
  return `${member.name} is now an admin.`;
}

function ChangeRole({ slug, member, teams }: { slug: string; member: Member; teams: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState(member.role);
  const [state, formAction] = useFormAction(changeRole.bind(null, slug), (_data, form) => {
    toast.success(roleChangeMessage(member, String(form.get("role")), teams.find((t) => t.id === form.get("teamId"))?.name));
    setOpen(false);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Change role or team of ${member.name}`}>
          Role & team
        </Button>
      }
      title={`Role and team of ${member.name}`}
      description="Reps belong to one team. Leaders lead teams from the Teams page. History is kept whatever you change."
    >
      <form action={formAction} className="space-y-4" noValidate>
        <FormAlert state={state} />
        <input type="hidden" name="userId" value={member.userId} />
        <SelectField
          label="Role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Member["role"])}
          error={fieldError(state, "role")}
        >
          <option value="admin">Admin — runs the organisation</option>
          <option value="leader">Leader — rates and coaches a team</option>
          <option value="rep">Rep — self-assesses</option>
        </SelectField>
        {role === "rep" && (
          <SelectField label="Team" name="teamId" defaultValue={typed(state, "teamId", member.teamId ?? "")} error={fieldError(state, "teamId")}>
            <option value="">Choose a team…</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <SubmitButton>Save</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
