import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailChangeForm } from "@/components/account/email-change";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadEmailChangeLink } from "@/lib/accounts/loaders";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

/** The link of an address-change mail (lib/accounts/email-change.ts), opened signed in. */
export default async function ConfirmEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { user, organisations, newEmail } = await loadEmailChangeLink({ token });
  return (
    <>
      <SkipLink />
      <AppHeader user={user} organisations={organisations} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-2xl space-y-6 px-4 py-8 outline-none sm:px-6">
        {/* Who is signed in is said inside the panel: once the change is made, the page must not name the old address as the account's. */}
        <PageHeader title="Confirm your new email address" />
        <Panel>
          {newEmail ? (
            <ConfirmEmailChangeForm token={token} currentEmail={user.email} newEmail={newEmail} />
          ) : (
            <div role="alert" aria-label="Link not valid" className="space-y-3 text-sm text-slate-700">
              <p>
                This link has expired, was already used or replaced by a newer one, or belongs to another account. Your address is still{" "}
                <strong className="break-all">{user.email}</strong>.
              </p>
              <p>
                <Link href="/account" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Ask for a new link on your account page
                </Link>
              </p>
            </div>
          )}
        </Panel>
      </main>
    </>
  );
}
