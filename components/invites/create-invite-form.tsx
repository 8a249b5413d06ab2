"use client";

import { useState } from "react";
import { CopyLinkDialog } from "@/components/ui/copy-link";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createInvite } from "@/lib/invites/actions";
import { EXPIRY_CHOICES } from "@/lib/schemas/invites";

type Props = { slug: string; teams: { id: string; name: string }[]; canInviteStaff: boolean };

/** Makes an invite link, then shows it once with a copy button: only its hash is kept. */
export function CreateInviteForm({ slug, teams, canInviteStaff }: Props) {
  const [role, setRole] = useState("rep");
  const [email, setEmail] = useState("");
  const [shown, setShown] = useState<{ url: string; emailedTo: string | null } | null>(null);
  const [state, formAction] = useFormAction(createInvite.bind(null, slug), (created, form) => {
    setShown({ url: created.url, emailedTo: created.emailed ? String(form.get("email")) : null });
    setEmail(""); // the form resets after the action
  });
  const typedEmail = email || typed(state, "email");

  return (
    <>
      <form action={formAction} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" noValidate>
        <div className="sm:col-span-2 lg:col-span-3">
          <FormAlert state={state} />
        </div>
        <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value)} error={fieldError(state, "role")}>
          <option value="rep">Rep</option>
          {canInviteStaff && <option value="leader">Leader</option>}
          {canInviteStaff && <option value="admin">Admin</option>}
        </SelectField>
        <SelectField
          label="Team"
          name="teamId"
          defaultValue={typed(state, "teamId", teams.length === 1 ? teams[0]!.id : "")}
          hint={role === "leader" ? "Optional: the new leader will lead this team." : role === "admin" ? "Admins see every team." : undefined}
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
        <SelectField label="Expires after" name="expiresInHours" defaultValue={typed(state, "expiresInHours", "168")} error={fieldError(state, "expiresInHours")}>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.hours} value={choice.hours}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="How many people may use it"
          name="maxUses"
          type="number"
          min={1}
          max={500}
          defaultValue={typed(state, "maxUses", "1")}
          error={fieldError(state, "maxUses")}
        />
        <TextField
          label="Only for this email (optional)"
          name="email"
          type="email"
          placeholder="name@company.com"
          defaultValue={typed(state, "email")}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(state, "email")}
          className="lg:col-span-2"
        />
        <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-3">
          <input
            id="invite-send-email"
            type="checkbox"
            name="sendEmail"
            defaultChecked={state.status === "error" ? state.values?.sendEmail === "on" : true}
            disabled={!typedEmail}
            className="h-4 w-4 accent-brand-600"
          />
          <label htmlFor="invite-send-email" className={typedEmail ? "text-sm text-slate-900" : "text-sm text-slate-500"}>
            {typedEmail ? "Email the link to this address, with your name and the organisation" : "Email the link (enter an address above)"}
          </label>
        </div>
        <div className="flex items-end justify-end sm:col-span-2 lg:col-span-3">
          <SubmitButton pendingLabel="Creating link…">Create invite link</SubmitButton>
        </div>
      </form>
      <CopyLinkDialog
        url={shown?.url ?? null}
        onClose={() => setShown(null)}
        title={shown?.emailedTo ? "Invite sent" : "Your invite link"}
        description={
          shown?.emailedTo
            ? `We are emailing the link to ${shown.emailedTo}. You can also copy it now: for security it is shown only once.`
            : "Copy it now and send it to the person you are inviting. For security it is shown only once."
        }
        label="Invite link"
      />
    </>
  );
}
