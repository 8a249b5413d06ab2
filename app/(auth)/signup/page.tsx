import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/signup-form";
import { timeZoneOptions } from "@/lib/schemas/fields";

export const metadata: Metadata = { title: "Create your organisation" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create your organisation</h1>
      <p className="mt-1 text-sm text-slate-600">You will be its admin. Invite your leaders and reps once you are in.</p>
      <SignUpForm timeZones={timeZoneOptions()} />
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
