"use client";

import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { resendVerificationMail } from "@/lib/accounts/email-verification";
import { updateMailPreferences } from "@/lib/accounts/mail-preferences";

/** Whether the address is confirmed; if not, a button that mails the link again. */
export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const { run, pending } = useActionRunner();
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-800">
        <span className="mr-2 break-all">{email}</span>
        {verified ? <Badge tone="green">Verified</Badge> : <Badge tone="amber">Not verified</Badge>}
      </p>
      {!verified && (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() =>
            run(
              () => resendVerificationMail({}),
              "Done.",
              (result) => {
                if (!result.sent)
                  toast.info(
                    result.verified
                      ? "Your address is already verified."
                      : "We sent several links in the last hour: check your inbox and spam folder.",
                  );
                else toast.success(`A confirmation link is on its way to ${email}.`);
              },
            )
          }
        >
          Send the confirmation link again
        </Button>
      )}
    </div>
  );
}

type Settings = { orgId: string; orgName: string; reminders: boolean; resultsShared: boolean; weeklyDigest: boolean };

const CHOICES = [
  { name: "reminders", label: "Reminders", hint: "Self-assessments and ratings waiting for you." },
  { name: "resultsShared", label: "Results shared with you", hint: "When your leader shares a cycle's results." },
  { name: "weeklyDigest", label: "Weekly digest", hint: "Leaders: a summary of your teams each week." },
] as const;

/** One organisation's optional mails, each on or off. Invitations and password resets always reach you. */
export function MailSettingsForm({ settings }: { settings: Settings }) {
  const [state, formAction] = useFormAction(updateMailPreferences, () => {
    toast.success(`Mail settings for ${settings.orgName} saved.`);
  });
  const current = state.status === "ok" ? state.data : settings;
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="orgId" value={settings.orgId} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{settings.orgName}</legend>
        <div className="mt-2 space-y-2">
          {CHOICES.map((choice) => (
            <label key={choice.name} className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name={choice.name} defaultChecked={current[choice.name]} className="mt-0.5 h-4 w-4 accent-brand-600" />
              <span>
                {choice.label}
                <span className="block text-xs text-slate-600">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end">
        <SubmitButton size="sm" variant="secondary">
          Save mail settings
        </SubmitButton>
      </div>
    </form>
  );
}
