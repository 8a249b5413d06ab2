"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/chain/outcome";

/**
 * Runs a server action outside a form (a menu item, a confirm dialog) and reports the outcome in a toast.
 * Returns `run` and whether a call is pending.
 */
export function useActionRunner() {
  const [pending, startTransition] = useTransition();
  function run<T>(call: () => Promise<ActionState<T>>, success: string, onSuccess?: (data: T) => void) {
    startTransition(async () => {
      const result = await call();
      if (result.status === "ok") {
        toast.success(success);
        onSuccess?.(result.data);
      } else if (result.status === "error") {
        toast.error(result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.message);
      }
    });
  }
  return { run, pending };
}
