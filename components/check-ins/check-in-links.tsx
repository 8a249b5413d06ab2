"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyLinkDialog } from "@/components/ui/copy-link";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { createCheckIn, revokeCheckIn } from "@/lib/check-ins/actions";
import { CHECK_IN_EXPIRY_DAYS, CHECK_IN_STATUS_LABEL, DEFAULT_CHECK_IN_EXPIRY_DAYS, type CheckInStatus } from "@/lib/check-ins/status";
import { formatDate } from "@/lib/format";

type Link = { id: string; createdAt: Date; expiresAt: Date; answeredAt: Date | null; revokedAt: Date | null; status: CheckInStatus };
type Props = { slug: string; relationshipId: string; counterpart: string; timeZone: string; canManage: boolean; links: Link[] };

const tone = { waiting: "blue", answered: "green", expired: "amber", revoked: "neutral" } as const;
const STATUS_VERB: Record<CheckInStatus, string> = { waiting: "expires", answered: "answered", expired: "expired", revoked: "revoked" };

/** The day that goes with a link's status: when it was answered or revoked, else when it expires (or did). */
function statusDate(link: Link): Date {
  return (link.status === "answered" && link.answeredAt) || (link.status === "revoked" && link.revokedAt) || link.expiresAt;
}

/**
 * The relationship's check-in links: make one (shown once, with a copy button), see where each stands, and
 * revoke one still waiting. Only the leader who keeps the relationship makes and revokes them.
 */
export function CheckInLinks({ slug, relationshipId, counterpart, timeZone, canManage, links }: Props) {
  const { run, pending } = useActionRunner();
  const [shown, setShown] = useState<{ url: string; emailedTo: string | null } | null>(null);
  const [state, formAction] = useFormAction(createCheckIn.bind(null, slug), (created) =>
    setShown({ url: created.url, emailedTo: created.emailedTo }),
  );
  const when = (date: Date) => formatDate(date, timeZone);

  return (
    <div className="space-y-4">
      {canManage && (
        <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="relationshipId" value={relationshipId} />
          <div className="basis-full">
            <FormAlert state={state} />
          </div>
          <SelectField
            label="The link lasts"
            name="expiresInDays"
            defaultValue={typed(state, "expiresInDays", String(DEFAULT_CHECK_IN_EXPIRY_DAYS))}
            error={fieldError(state, "expiresInDays")}
            className="w-36"
          >
            {CHECK_IN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </SelectField>
          <TextField
            label={`${counterpart}'s email (optional)`}
            name="email"
            type="email"
            placeholder="name@company.com"
            hint="We mail them the link with your name, and say that you and the organisation's admins read the answers."
            defaultValue={typed(state, "email")}
            error={fieldError(state, "email")}
            className="w-80"
          />
          <SubmitButton pendingLabel="Creating link…">Create a check-in link</SubmitButton>
        </form>
      )}
      {links.length === 0 ? (
        <p className="text-sm text-slate-600">
          {canManage ? `No links yet. Send ${counterpart} one after your next lunch, and compare their view with yours.` : "No check-in links yet."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Check-in links">
          {links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5 text-sm">
              <Badge tone={tone[link.status]}>{CHECK_IN_STATUS_LABEL[link.status]}</Badge>
              <span className="text-slate-900">Sent {when(link.createdAt)}</span>
              <span className="text-slate-600">{`${STATUS_VERB[link.status]} ${when(statusDate(link))}`}</span>
              {canManage && link.status === "waiting" && (
                <span className="ml-auto">
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" disabled={pending} aria-label={`Revoke the check-in link sent ${when(link.createdAt)}`}>
                        Revoke
                      </Button>
                    }
                    title="Revoke this check-in link?"
                    description={`${counterpart} will no longer be able to answer with it: the page will say the link was withdrawn, and store nothing.`}
                    confirmLabel="Revoke link"
                    onConfirm={() => run(() => revokeCheckIn(slug, { relationshipId, checkInId: link.id }), "Check-in link revoked.")}
                  />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <CopyLinkDialog
        url={shown?.url ?? null}
        onClose={() => setShown(null)}
        title={shown?.emailedTo ? "Check-in link sent" : "Your check-in link"}
        description={
          shown?.emailedTo
            ? `We are emailing it to ${shown.emailedTo}. You can also copy it now: for security it is shown only once.`
            : `Copy it now and send it to ${counterpart}. For security it is shown only once.`
        }
        label="Check-in link"
      />
    </div>
  );
}
