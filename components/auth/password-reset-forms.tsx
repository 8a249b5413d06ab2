"use client";

import Link from "next/link";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** "Forgot password?": one answer whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [state, formAction] = useFormAction(requestPasswordReset);
  if (state.status === "ok") {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm text-slate-700">
        <p>
          If <strong>{state.data.email}</strong> belongs to a Coachgrid account, a link to choose a new password is on its way. It works once, within
          60 minutes.
        </p>
        <p>No mail after a few minutes? Check your spam folder, or ask again.</p>
        <p>
          <Link href="/login" className={linkClass}>
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={typed(state, "email")}
        error={fieldError(state, "email")}
        required
        autoFocus
      />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}

/** The page a reset mail links to: a new password, twice. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(resetPassword);
  if (state.status === "ok") {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm text-slate-700">
        <p>Your password is changed, and every session that used the old one is signed out.</p>
        <p>
          <Link href="/login" className={linkClass}>
            Sign in with your new password
          </Link>
        </p>
      </div>
    );
  }
  const expired = state.status === "error" && state.code === "not_found";
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <FormAlert state={state} />
      {expired && (
        <p className="text-sm">
          <Link href="/forgot-password" className={linkClass}>
            Ask for a new link
          </Link>
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        error={fieldError(state, "password")}
        required
        autoFocus
      />
      <TextField
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "confirmPassword")}
        required
      />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Save my new password
      </SubmitButton>
    </form>
  );
}
