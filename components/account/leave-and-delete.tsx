"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { signOut } from "@/components/auth/sign-out";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { CurrentPasswordField } from "@/components/account/current-password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { ROLE_LABEL } from "@/lib/format";
import { leaveOrganisation } from "@/lib/members/actions";
import type { MemberRole } from "@/lib/permissions";
import { DELETE_CONFIRMATION } from "@/lib/schemas/accounts";

type Organisation = { slug: string; name: string; role: MemberRole };

/**
 * The person's organisations, each with "Leave" (confirmed). A refusal (the last admin) stays on the page, next to
 * the list, until the next attempt.
 */
export function OrganisationsList({ organisations }: { organisations: Organisation[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<string | null>(null);

  if (organisations.length === 0) return <p className="text-sm text-slate-600">You are not an active member of any organisation.</p>;

  function leave(org: Organisation) {
    startTransition(async () => {
      const result = await leaveOrganisation(org.slug, {});
      if (result.status === "ok") {
        setRefusal(null);
        toast.success(`You left ${org.name}.`);
        router.refresh();
      } else if (result.status === "error") {
        setRefusal(result.message);
      }
    });
  }

  return (
    <div className="space-y-3">
      {refusal && (
        <p role="alert" aria-label="Could not leave" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {refusal}
        </p>
      )}
      <ul className="divide-y divide-slate-100">
        {organisations.map((org) => (
          <li key={org.slug} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
            <div className="min-w-0">
              <p className="text-sm font-medium break-words text-slate-900">{org.name}</p>
              <p className="mt-0.5">
                <Badge>{ROLE_LABEL[org.role]}</Badge>
              </p>
            </div>
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm" disabled={pending} aria-label={`Leave ${org.name}`}>
                  Leave
                </Button>
              }
              title={`Leave ${org.name}?`}
              description={`You lose access to ${org.name} at once. What you did there (ratings, notes, self-assessments) stays with the organisation. To come back, ask one of its admins to reactivate you.`}
              confirmLabel="Leave"
              onConfirm={() => leave(org)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Delete my account": a dialog asking for the current password and a typed confirmation. After the deletion the
 * browser signs out and shows a goodbye page.
 */
export function DeleteAccount() {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useFormAction(deleteAccount, async () => {
    await signOut("/account-deleted");
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="danger">Delete my account…</Button>}
      title="Delete your account?"
      description="This cannot be undone. Your name and address are erased, you are signed out everywhere, and you leave every organisation."
    >
      <form action={formAction} className="space-y-4" noValidate>
        <FormAlert state={state} />
        <CurrentPasswordField state={state} autoFocus />
        <TextField
          label={`Type “${DELETE_CONFIRMATION}” to confirm`}
          name="confirmation"
          autoComplete="off"
          spellCheck={false}
          defaultValue={typed(state, "confirmation")}
          error={fieldError(state, "confirmation")}
          required
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete my account
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
