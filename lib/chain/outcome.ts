/** How a call through the action chain ends. Expected failures are values, not exceptions. */
export type FailureCode = "unauthenticated" | "not_found" | "forbidden" | "invalid" | "conflict";

export type Failure = {
  status: "error";
  code: FailureCode;
  message: string;
  /** Per-field messages, shown next to the field. */
  fieldErrors?: Record<string, string>;
  /** What the caller needs to recover, e.g. the newer value behind a conflict. */
  details?: unknown;
};

export type Outcome<T> = { status: "ok"; data: T } | Failure;

/** What a form's `useActionState` holds: the outcome plus what the person typed, so nothing is lost. */
export type ActionState<T = unknown> =
  { status: "idle" } | { status: "ok"; data: T; message?: string } | (Failure & { values?: Record<string, string> });

export const idle: ActionState<never> = { status: "idle" };

const DEFAULT_MESSAGES: Record<FailureCode, string> = {
  unauthenticated: "Your session has ended. Sign in again to continue.",
  not_found: "We could not find that page or record.",
  forbidden: "Your role does not allow this.",
  invalid: "Some fields need attention.",
  conflict: "Someone else changed this in the meantime. Reload to see the latest version.",
};

/** Thrown inside a handler to end the call with an expected failure (the transaction rolls back). */
export class Refusal extends Error {
  constructor(
    readonly code: FailureCode,
    message?: string,
    readonly fieldErrors?: Record<string, string>,
    readonly details?: unknown,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "Refusal";
  }
}

export function failure(code: FailureCode, message?: string, fieldErrors?: Record<string, string>, details?: unknown): Failure {
  return {
    status: "error",
    code,
    message: message ?? DEFAULT_MESSAGES[code],
    ...(fieldErrors && { fieldErrors }),
    ...(details !== undefined && { details }),
  };
}

/** Turns a Refusal thrown by a handler into the failure the caller gets. */
export function refused(error: Refusal): Failure {
  return failure(error.code, error.message, error.fieldErrors, error.details);
}

/** Refuse one field with a message shown next to it. */
export function invalidField(field: string, message: string): never {
  throw new Refusal("invalid", DEFAULT_MESSAGES.invalid, { [field]: message });
}
