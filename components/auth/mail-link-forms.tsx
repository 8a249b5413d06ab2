"use client";

import Link from "next/link";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { verifyEmail } from "@/lib/accounts/email-verification";
import { unsubscribe } from "@/lib/accounts/mail-preferences";

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** The page a verification mail links to: one button, so a mail scanner opening the link verifies nothing. */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(verifyEmail);
  if (state.status === "ok") {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm text-slate-700">
        <p>
          Thank you: <strong>{state.data.email}</strong> is confirmed.
        </p>
        <p>
          <Link href="/o" className={linkClass}>
            Open Coachgrid
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel="Confirming…">
        Confirm my email address
      </SubmitButton>
    </form>
  );
}

/** The page an unsubscribe link opens: works signed out. */
export function UnsubscribeForm({ token, category }: { token: string; category: string }) {
  const [state, formAction] = useFormAction(unsubscribe);
  if (state.status === "ok") {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm text-slate-700">
        <p>Done: you will get no more mails about {state.data.category} from this organisation.</p>
        <p>
          You can turn them back on in your{" "}
          <Link href="/account" className={linkClass}>
            account settings
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">Stop mails about {category} from this organisation? Invitations and password resets still reach you.</p>
      <SubmitButton className="w-full" pendingLabel="Unsubscribing…">
        Unsubscribe
      </SubmitButton>
    </form>
  );
}
