import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted" };

/** Where the browser lands after "Delete my account" (lib/accounts/delete-account.ts): signed out, nothing to load. */
export default function AccountDeletedPage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Your account is deleted</h1>
      <div role="status" className="mt-3 space-y-3 text-sm text-slate-700">
        <p>Your name and email address are erased and every session is signed out. The address is free to use again.</p>
        <p>
          What you did in your organisations stays with them, shown as “A former member”: the ratings you gave, the notes you wrote about others and
          their audit logs.
        </p>
      </div>
      <p className="mt-6 text-center text-sm text-slate-600">
        <Link href="/signup" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Create a new organisation
        </Link>
      </p>
    </>
  );
}
