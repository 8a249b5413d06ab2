"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOut } from "@/components/auth/sign-out";
import { Button } from "@/components/ui/button";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { CurrentPasswordField } from "@/components/account/current-password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmEmailChange, requestEmailChange } from "@/lib/accounts/email-change";

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

/**
 * "Change email": the new address and the current password. Nothing changes until the link mailed to the new
 * address is followed; the panel says which address waits.
 */
export function ChangeEmailForm({ pending }: { pending: { newEmail: string } | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, formAction] = useFormAction(requestEmailChange, () => {
    setOpen(false);
    router.refresh();
  });
  const sentTo = state.status === "ok" ? state.data.newEmail : pending?.newEmail;
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {sentTo && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 ring-1 ring-brand-100">
          A confirmation link is on its way to <strong className="break-all">{sentTo}</strong>. Open it within 24 hours, signed in to this account, to
          start using that address. Until then you keep using the current one.
        </p>
      )}
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {sentTo ? "Use another address" : "Change email address"}
        </Button>
      ) : (
        <form id="change-email-form" action={formAction} className="space-y-4" noValidate aria-label="Change email address">
          <FormAlert state={state} />
          <TextField
            label="New email address"
            name="newEmail"
            type="email"
            autoComplete="email"
            defaultValue={typed(state, "newEmail")}
            error={fieldError(state, "newEmail")}
            hint="We mail a link there. The change happens when you open it."
            required
            autoFocus
          />
          <CurrentPasswordField state={state} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton pendingLabel="Sending…">Send a link to the new address</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}

/** The page a confirmation link opens, signed in: one button, so a mail scanner opening the link changes nothing. */
export function ConfirmEmailChangeForm({ token, currentEmail, newEmail }: { token: string; currentEmail: string; newEmail: string }) {
  const [state, formAction] = useFormAction(confirmEmailChange);
  if (state.status === "ok") {
    return (
      <div role="status" className="space-y-4 text-sm text-slate-700">
        <p>
          Your account now uses <strong className="break-all">{state.data.email}</strong>. Every session of the account was signed out, this one too:
          sign in again with the new address.
        </p>
        <Button onClick={() => void signOut("/login")}>Sign in with the new address</Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">
        You are signed in as <strong className="break-all">{currentEmail}</strong>. From now on you sign in with{" "}
        <strong className="break-all">{newEmail}</strong>, and every Coachgrid mail goes there. Your current address gets a notice of the change.
        Every session of the account is signed out, this one too.
      </p>
      <div className="flex flex-wrap justify-end gap-4">
        <Link href="/account" className={`${linkClass} self-center text-sm`}>
          Not now
        </Link>
        <SubmitButton pendingLabel="Changing…">Use this address</SubmitButton>
      </div>
    </form>
  );
}
