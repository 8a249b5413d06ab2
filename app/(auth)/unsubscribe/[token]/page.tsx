import type { Metadata } from "next";
import { UnsubscribeForm } from "@/components/auth/mail-link-forms";
import { describeUnsubscribeLink } from "@/lib/mail/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const category = describeUnsubscribeLink(token);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Unsubscribe</h1>
      {category ? (
        <UnsubscribeForm token={token} category={category} />
      ) : (
        <p role="alert" aria-label="Link error" className="mt-4 text-sm text-slate-700">
          This unsubscribe link is not valid. Sign in and change your mail settings on your account page.
        </p>
      )}
    </>
  );
}
