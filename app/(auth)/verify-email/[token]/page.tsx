import type { Metadata } from "next";
import { VerifyEmailForm } from "@/components/auth/mail-link-forms";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Confirm your email address</h1>
      <p className="mt-1 text-sm text-slate-600">Coachgrid sends reminders, results and digests only to confirmed addresses.</p>
      <VerifyEmailForm token={token} />
    </>
  );
}
