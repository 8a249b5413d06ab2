import type { ActionState } from "@/lib/chain/outcome";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";

/** "Current password", which every change to the account's credentials asks for first (checked under the sign-in limits). */
export function CurrentPasswordField({ state, autoFocus }: { state: ActionState; autoFocus?: boolean }) {
  return (
    <TextField
      label="Current password"
      name="currentPassword"
      type="password"
      autoComplete="current-password"
      error={fieldError(state, "currentPassword")}
      required
      autoFocus={autoFocus}
    />
  );
}
