"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * After an action created someone's account (sign-up, joining through an invite): sign in with the email and
 * password from the same form and open the organisation. If signing in fails, the account still exists;
 * `error` then tells the person to sign in by hand.
 */
export function useSignInAfterCreate(failureMessage: string) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  async function signInAndOpen(form: FormData, slug: string) {
    const signedIn = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    if (signedIn?.ok) router.push(`/o/${slug}`);
    else setError(failureMessage);
  }
  return { signInAndOpen, error };
}

/** The message shown when the automatic sign-in after creating an account failed. */
export function SignInAfterCreateError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" aria-label="Sign-in error" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      {message}
    </p>
  );
}
