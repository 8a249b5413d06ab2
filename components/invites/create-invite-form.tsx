"use client";

import { useState } from "react";
import { CopyLinkDialog } from "@/components/ui/copy-link";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createInvite } from "@/lib/invites/actions";
import { InviteExpiryField, InviteRoleField, InviteTeamField } from "./invite-fields";

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
        <InviteRoleField state={state} role={role} onRole={setRole} canInviteStaff={canInviteStaff} />
        <InviteTeamField
          state={state}
          role={role}
          teams={teams}
          hint={role === "leader" ? "Optional: the new leader will lead this team." : role === "admin" ? "Admins see every team." : undefined}
        />
        <InviteExpiryField state={state} label="Expires after" />
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
