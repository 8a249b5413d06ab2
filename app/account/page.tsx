import type { Metadata } from "next";
import { ChangePasswordForm, ProfileForm, SignOutEverywhere } from "@/components/account/account-forms";
import { EmailStatus, MailSettingsForm } from "@/components/account/mail-settings";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadAccount } from "@/lib/accounts/loaders";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user, organisations, emailVerified, mailSettings } = await loadAccount();
  return (
    <>
      <SkipLink />
      <AppHeader user={user} organisations={organisations} />
      <main id={MAIN_ID} tabIndex={-1} className="outline-none mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-6">
        <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
        <Panel title="Profile" description="Your name as colleagues see it in every organisation.">
          <ProfileForm name={user.name} />
        </Panel>
        <Panel title="Password" description="Changing it signs you out everywhere else.">
          <ChangePasswordForm />
        </Panel>
        <Panel title="Sessions" description="Signed in on a computer you no longer use, or one you lost? End every session of this account.">
          <SignOutEverywhere />
        </Panel>
        <Panel title="Email address" description="Reminders, results and digests go only to a confirmed address. Invitations and password resets always do.">
          <EmailStatus email={user.email} verified={emailVerified} />
        </Panel>
        <Panel title="Mail settings" description="Which mails each of your organisations may send you. Every such mail also has an unsubscribe link.">
          {mailSettings.length === 0 ? (
            <p className="text-sm text-slate-600">You are not an active member of any organisation.</p>
          ) : (
            <div className="divide-y divide-slate-100 [&>*]:py-4 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
              {mailSettings.map((settings) => (
                <MailSettingsForm key={settings.orgId} settings={settings} />
              ))}
            </div>
          )}
        </Panel>
      </main>
    </>
  );
}
