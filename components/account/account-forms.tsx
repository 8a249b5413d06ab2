"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePassword, updateProfile } from "@/lib/accounts/actions";
import { idle, type ActionState } from "@/lib/chain/outcome";

export function ProfileForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(updateProfile, idle);
  useEffect(() => {
    if (state.status === "ok") toast.success("Name saved.");
  }, [state]);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField label="Name" name="name" autoComplete="name" defaultValue={typed(state, "name", name)} error={fieldError(state, "name")} required />
      <div className="flex justify-end">
        <SubmitButton>Save name</SubmitButton>
      </div>
    </form>
  );
}

type PasswordState = ActionState<{ email: string }>;

export function ChangePasswordForm() {
  const router = useRouter();
  // The change ends every session, this one included: sign straight back in with the new password.
  const [state, formAction] = useActionState(async (previous: PasswordState, form: FormData) => {
    const result = await changePassword(previous, form);
    if (result.status === "ok") {
      await signIn("credentials", { email: result.data.email, password: String(form.get("newPassword")), redirect: false });
      router.refresh();
    }
    return result;
  }, idle as PasswordState);

  useEffect(() => {
    if (state.status === "ok") toast.success("Password changed. Other sessions were signed out.");
  }, [state]);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fieldError(state, "currentPassword")}
        required
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        error={fieldError(state, "newPassword")}
        required
      />
      <TextField
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "confirmPassword")}
        required
      />
      <div className="flex justify-end">
        <SubmitButton>Change password</SubmitButton>
      </div>
    </form>
  );
}
