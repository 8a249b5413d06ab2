"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { signOut } from "@/components/auth/sign-out";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { CurrentPasswordField } from "./current-password-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePassword, signOutEverywhere, updateProfile } from "@/lib/accounts/actions";

export function ProfileForm({ name }: { name: string }) {
  const [state, formAction] = useFormAction(updateProfile, () => {
    toast.success("Name saved.");
  });
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

export function ChangePasswordForm() {
  const router = useRouter();
  // The change ends every session, this one included: sign straight back in with the new password.
  const [state, formAction] = useFormAction(changePassword, async ({ email }, form) => {
    await signIn("credentials", { email, password: String(form.get("newPassword")), redirect: false });
    toast.success("Password changed. Other sessions were signed out.");
    router.refresh();
  });

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <CurrentPasswordField state={state} />
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

/** Ends every session of this account on the server (a lost laptop, a shared computer), then signs out here. */
export function SignOutEverywhere() {
  const { run, pending } = useActionRunner();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" disabled={pending}>
          Sign out everywhere
        </Button>
      }
      title="Sign out everywhere?"
      description="Every browser and device signed in to this account is signed out at once, this one included. You sign in again with your password."
      confirmLabel="Sign out everywhere"
      onConfirm={() =>
        run(
          () => signOutEverywhere({}),
          "Signed out everywhere.",
          () => void signOut(),
        )
      }
    />
  );
}
