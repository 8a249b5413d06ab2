import type { Metadata } from "next";
import { ChangePasswordForm, ProfileForm, SignOutEverywhere } from "@/components/account/account-forms";
import { ChangeEmailForm } from "@/components/account/email-change";
import { DeleteAccount, OrganisationsList } from "@/components/account/leave-and-delete";
import { EmailStatus, MailSettingsForm } from "@/components/account/mail-settings";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadAccount } from "@/lib/accounts/loaders";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user, organisations, emailVerified, mailSettings, emailChange } = await loadAccount();
  return (
    <>
      <SkipLink />
      <AppHeader user={user} organisations={organisations} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-2xl space-y-6 px-4 py-8 outline-none sm:px-6">
        <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
        <Panel title="Profile" description="Your name as colleagues see it in every organisation.">
          <ProfileForm name={user.name} />
        </Panel>
        <Panel
          title="Email address"
          description="You sign in with it. Reminders, results and digests go only to a confirmed address; invitations and password resets always do."
        >
          <EmailStatus email={user.email} verified={emailVerified} />
          <ChangeEmailForm pending={emailChange} />
        </Panel>
        <Panel title="Password" description="Changing it signs you out everywhere else.">
          <ChangePasswordForm />
        </Panel>
        <Panel title="Sessions" description="Signed in on a computer you no longer use, or one you lost? End every session of this account.">
          <SignOutEverywhere />
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
        <Panel title="Organisations" description="Where you are a member. Leaving ends your access; what you did there stays with the organisation.">
          <OrganisationsList organisations={organisations} />
        </Panel>
        <Panel
          title="Your data"
          description="One JSON file with your account, your memberships, your self-assessments (drafts too), the 1:1 notes you wrote (private ones with their text) and the notes shared with you, in every organisation where you are active."
        >
          {/* A plain link: the route answers with the file (app/account/data/route.ts). */}
          <a href="/account/data" download className={buttonClasses("secondary")}>
            Download my data
          </a>
        </Panel>
        <Panel
          title="Delete account"
          description="Erases your name and email address and ends your access everywhere. The ratings you gave, the notes you wrote about others and the audit log stay with each organisation, shown as “A former member”. Your drafts and the text of your private notes are deleted. An organisation's last admin cannot delete their account: make someone else an admin first."
        >
          <DeleteAccount />
        </Panel>
      </main>
    </>
  );
}
