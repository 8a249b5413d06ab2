import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

/** To the new address: the link that makes it the account's address (lib/accounts/email-change.ts). */
export const emailChange = mailKind<{
  name: string;
  /** The link's token; its hash is in email_change_tokens. */
  token: string;
}>({
  category: "essential",
  subject: () => "Confirm your new email address for Coachgrid",
  template: ({ name, token }) => (
    <MailLayout preview="Confirm that this address should become your Coachgrid address.">
      <MailText>Hello {name},</MailText>
      <MailText>You asked to use this address for your Coachgrid account. Confirm it, signed in to your account:</MailText>
      <MailButton href={mailLink(`/account/confirm-email/${token}`)}>Use this address</MailButton>
      <MailText>
        The link works once, within 24 hours. Once confirmed, you sign in with this address, and every session of the account ends. If you did not ask
        for this, ignore this mail: nothing changes.
      </MailText>
    </MailLayout>
  ),
});

/** To the old address, once the change is confirmed: so its owner learns of it if it was not them. */
export const emailChanged = mailKind<{ name: string; newEmail: string }>({
  category: "essential",
  subject: () => "Your Coachgrid email address was changed",
  template: ({ name, newEmail }) => (
    <MailLayout preview="Your Coachgrid account now uses another address.">
      <MailText>Hello {name},</MailText>
      <MailText>
        Your Coachgrid account now uses the address {newEmail}. Sign-ins, password resets and every Coachgrid mail go there from now on, and every
        session of the account was signed out.
      </MailText>
      <MailText>If you did not make this change, someone else knows your password: tell an admin of your organisation at once.</MailText>
    </MailLayout>
  ),
});
