"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { formatDateTime } from "@/lib/format";
import { createApiToken, revokeApiToken } from "@/lib/results/token-actions";

type Token = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByName: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/**
 * The organisation's API tokens: create one (shown once, in a dialog, with a copy button), see when each was last used,
 * revoke one (asked first).
 */
export function ApiTokensPanel({ slug, tokens, timeZone }: { slug: string; tokens: Token[]; timeZone: string }) {
  const { run, pending } = useActionRunner();
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [state, formAction] = useFormAction(createApiToken.bind(null, slug), (data, form) => {
    setCreated({ token: data.token, name: String(form.get("name") ?? "") });
    setFormKey((k) => k + 1);
  });
  return (
    <div className="space-y-6">
      {tokens.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          No API tokens yet. Create one for each job that sends results, such as a nightly CRM export.
        </p>
      ) : (
        <ul aria-label="API tokens" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5 text-sm">
              <span className="min-w-0">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={t.revokedAt ? "font-medium text-slate-600" : "font-medium text-slate-900"}>{t.name}</span>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t.prefix}…</code>
                  {t.revokedAt && <Badge tone="red">Revoked</Badge>}
                </span>
                <span className="block text-xs text-slate-500">
                  Created {formatDateTime(t.createdAt, timeZone)} by {t.createdByName} ·{" "}
                  {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt, timeZone)}` : "never used"}
                  {t.revokedAt ? ` · revoked ${formatDateTime(t.revokedAt, timeZone)}` : ""}
                </span>
              </span>
              {!t.revokedAt && (
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Revoke ${t.name}`} disabled={pending}>
                      Revoke
                    </Button>
                  }
                  title={`Revoke ${t.name}?`}
                  description="Every call with this token is refused from now on (401). A job that uses it stops working until it gets a new token. This cannot be undone."
                  confirmLabel="Revoke token"
                  onConfirm={() => run(() => revokeApiToken(slug, { tokenId: t.id }), `${t.name} revoked.`)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        key={formKey}
        action={formAction}
        className="space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
        noValidate
        aria-label="Create an API token"
      >
        <h3 className="text-sm font-semibold text-slate-900">Create a token</h3>
        <FormAlert state={state} />
        <TextField
          label="Name"
          name="name"
          defaultValue={typed(state, "name")}
          error={fieldError(state, "name")}
          placeholder="CRM nightly export"
          maxLength={60}
          hint="Say which job uses it. The token may write results (scope results:write)."
          required
        />
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      <Dialog
        open={created !== null}
        onOpenChange={(open) => !open && setCreated(null)}
        title={`Token ${created?.name ?? ""} created`}
        description="Copy it now: it is shown only this once. Coachgrid keeps only a fingerprint of it."
      >
        {created && <ShownOnce token={created.token} onDone={() => setCreated(null)} />}
      </Dialog>
    </div>
  );
}

function ShownOnce({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <TextField label="API token" value={token} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="new-api-token" />
      <div className="flex justify-end gap-2">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy token"}
        </Button>
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
