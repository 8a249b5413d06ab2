"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUp } from "@/lib/accounts/actions";

// The time zone preselected is the browser's; the server renders "UTC" until the page hydrates.
const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function SignUpForm({ timeZones }: { timeZones: string[] }) {
  const router = useRouter();
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const [signInError, setSignInError] = useState<string>();
  const [password, setPassword] = useState("");

  // The account exists once the action succeeds; sign in with the same credentials and open the organisation.
  const [state, formAction] = useFormAction(signUp, async ({ slug }, form) => {
    const signedIn = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (signedIn?.ok) router.push(`/o/${slug}`);
    else setSignInError("Your organisation is ready, but signing in failed. Sign in with your new password.");
  });

  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <FormAlert state={state} />
      {signInError && (
        <p role="alert" aria-label="Sign-in error" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {signInError}
        </p>
      )}
      <TextField label="Your name" name="name" autoComplete="name" defaultValue={typed(state, "name")} error={fieldError(state, "name")} required />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={typed(state, "email")}
        error={fieldError(state, "email")}
        required
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldError(state, "password")}
        required
      />
      <TextField
        label="Organisation name"
        name="organisationName"
        autoComplete="organization"
        defaultValue={typed(state, "organisationName")}
        error={fieldError(state, "organisationName")}
        required
      />
      <SelectField
        key={browserZone}
        label="Time zone"
        name="timeZone"
        defaultValue={typed(state, "timeZone", browserZone)}
        hint="Due dates and “overdue” follow this zone. You can change it later."
        error={fieldError(state, "timeZone")}
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <SubmitButton className="w-full" pendingLabel="Creating your organisation…">
        Create organisation
      </SubmitButton>
    </form>
  );
}
