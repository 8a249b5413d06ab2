"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { InviteExpiryField, InviteRoleField, InviteTeamField } from "./invite-fields";
import { TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { bulkInvite } from "@/lib/invites/actions";
import { BULK_INVITE_MAX } from "@/lib/invites/address-list";

type Props = { slug: string; teams: { id: string; name: string }[]; canInviteStaff: boolean };
type Result = { invited: string[]; alreadyMembers: string[]; alreadyInvited: string[] };

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/** "Invite several people": the bulk form in a dialog, which stays open on the report of who was invited and skipped. */
export function BulkInviteDialog(props: Props) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setRound((r) => r + 1); // a fresh form next time
      }}
      trigger={<Button variant="secondary">Invite several people</Button>}
      title="Invite several people"
      description="Paste their addresses: each gets a single-use link by email, with the same role and team."
    >
      <BulkInviteForm key={round} {...props} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

/**
 * Paste a list of addresses: each gets its own single-use invite, bound to it and sent to it by email, all with the
 * role and team chosen here. Addresses already in the organisation, or with a usable invite, are listed and skipped.
 */
function BulkInviteForm({ slug, teams, canInviteStaff, onDone }: Props & { onDone: () => void }) {
  const [role, setRole] = useState("rep");
  const [result, setResult] = useState<Result | null>(null);
  // React resets the form after the action, so the handled list is gone and a second click cannot resend it.
  const [state, formAction] = useFormAction(bulkInvite.bind(null, slug), setResult);

  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Invite several people">
      <div className="sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <TextAreaField
        label="Email addresses"
        name="emails"
        rows={5}
        placeholder={"ana.diaz@company.com\nben.okafor@company.com"}
        hint={`One per line, or separated by commas. Up to ${BULK_INVITE_MAX} at once.`}
        defaultValue={typed(state, "emails")}
        error={fieldError(state, "emails")}
        className="sm:col-span-2"
      />
      <InviteRoleField state={state} role={role} onRole={setRole} canInviteStaff={canInviteStaff} />
      <InviteTeamField state={state} role={role} teams={teams} />
      <InviteExpiryField state={state} label="Links expire after" className="sm:col-span-2" />
      {result && state.status === "ok" && (
        <div
          role="status"
          aria-label="Invitations sent"
          className="space-y-1 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-950 ring-1 ring-emerald-200 sm:col-span-2"
        >
          <p className="font-medium">
            {result.invited.length > 0 ? `Invited ${people(result.invited.length)}: each gets their own link by email.` : "Nobody new to invite."}
          </p>
          {result.alreadyMembers.length > 0 && <p>Already in the organisation, skipped: {result.alreadyMembers.join(", ")}.</p>}
          {result.alreadyInvited.length > 0 && (
            <p>Already invited with a link still usable, skipped (use “Resend” in the list below): {result.alreadyInvited.join(", ")}.</p>
          )}
        </div>
      )}
      <div className="flex items-end justify-end gap-3 sm:col-span-2">
        <Button variant="secondary" onClick={onDone}>
          {result ? "Done" : "Cancel"}
        </Button>
        <SubmitButton pendingLabel="Sending invitations…">Send invitations</SubmitButton>
      </div>
    </form>
  );
}
