"use client";

import { useState, useSyncExternalStore } from "react";
import { noSubscription } from "@/components/ui/use-hydrated";
import { SignInAfterCreateError, useSignInAfterCreate } from "@/components/auth/sign-in-after-create";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUp } from "@/lib/accounts/actions";

// The time zone preselected is the browser's; the server renders "UTC" until the page hydrates.
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function SignUpForm({ timeZones }: { timeZones: string[] }) {
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const [password, setPassword] = useState("");
  const { signInAndOpen, error: signInError } = useSignInAfterCreate(
    "Your organisation is ready, but signing in failed. Sign in with your new password.",
  );
  const [state, formAction] = useFormAction(signUp, ({ slug }, form) => signInAndOpen(form, slug));

  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <FormAlert state={state} />
      <SignInAfterCreateError message={signInError} />
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
