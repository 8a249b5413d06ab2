"use client";

import { useActionState } from "react";
import { idle, type ActionState } from "@/lib/chain/outcome";

/**
 * `useActionState` for a form bound to a chain action, with a success callback that runs right after the
 * action (toast, close a dialog, sign in, navigate) instead of in an effect.
 */
export function useFormAction<T>(
  action: (previous: ActionState<T>, form: FormData) => Promise<ActionState<T>>,
  onSuccess?: (data: T, form: FormData) => void | Promise<void>,
) {
  return useActionState(async (previous: ActionState<T>, form: FormData) => {
    const result = await action(previous, form);
    if (result.status === "ok") await onSuccess?.(result.data, form);
    return result;
  }, idle as ActionState<T>);
}
