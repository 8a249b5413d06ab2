import type { ActionState } from "@/lib/chain/outcome";

/** The form-level message of an action's state: errors that belong to no single field, and successes. */
export function FormAlert({ state, success }: { state: ActionState; success?: string }) {
  if (state.status === "error" && (!state.fieldErrors || state.fieldErrors.form)) {
    return (
      <p role="alert" aria-label="Form error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
        {state.fieldErrors?.form ?? state.message}
      </p>
    );
  }
  if (state.status === "ok" && success) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
        {success}
      </p>
    );
  }
  return null;
}

/** The message for one field, if the state has one. */
export function fieldError(state: ActionState, field: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[field] : undefined;
}

/** What the person typed into a field before a refusal, else the fallback. */
export function typed(state: ActionState, field: string, fallback = ""): string {
  return state.status === "error" ? (state.values?.[field] ?? fallback) : fallback;
}
