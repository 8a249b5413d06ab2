import { fieldError, typed } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/field";
import type { ActionState } from "@/lib/chain/outcome";
import { EXPIRY_CHOICES } from "@/lib/schemas/invites";

type Team = { id: string; name: string };

/** The role an invite grants: leaders may invite reps only; admins also leaders and admins. */
export function InviteRoleField({
  state,
  role,
  onRole,
  canInviteStaff,
}: {
  state: ActionState;
  role: string;
  onRole: (role: string) => void;
  canInviteStaff: boolean;
}) {
  return (
    <SelectField label="Role" name="role" value={role} onChange={(e) => onRole(e.target.value)} error={fieldError(state, "role")}>
      <option value="rep">Rep</option>
      {canInviteStaff && <option value="leader">Leader</option>}
      {canInviteStaff && <option value="admin">Admin</option>}
    </SelectField>
  );
}

/** The team a rep joins (required) or a leader will lead (optional); admins have none. */
export function InviteTeamField({ state, role, teams, hint }: { state: ActionState; role: string; teams: Team[]; hint?: string }) {
  return (
    <SelectField
      label="Team"
      name="teamId"
      defaultValue={typed(state, "teamId", teams.length === 1 ? teams[0]!.id : "")}
      hint={hint}
      error={fieldError(state, "teamId")}
      disabled={role === "admin"}
    >
      <option value="">{role === "rep" ? "Choose a team…" : "No team"}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </SelectField>
  );
}

/** How long the link (or links) stay valid. */
export function InviteExpiryField({ state, label, className }: { state: ActionState; label: string; className?: string }) {
  return (
    <SelectField
      label={label}
      className={className}
      name="expiresInHours"
      defaultValue={typed(state, "expiresInHours", "168")}
      error={fieldError(state, "expiresInHours")}
    >
      <ExpiryOptions />
    </SelectField>
  );
}

/** The lifetimes an invite link may have, as a select's options (valued in hours). */
export function ExpiryOptions() {
  return EXPIRY_CHOICES.map((choice) => (
    <option key={choice.hours} value={choice.hours}>
      {choice.label}
    </option>
  ));
}
