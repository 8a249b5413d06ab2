"use client";

import { useState, type ReactNode } from "react";
import { ScoreChoice } from "@/components/self-assessment/score-choice";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { answerCheckIn } from "@/lib/check-ins/answer";
import { CHECK_IN_LIMITS } from "@/lib/schemas/check-ins";

/** `intro`: the page's heading and invitation, shown above the form and gone once the answer is sent. */
type Props = { slug: string; token: string; leaderName: string; orgName: string; intro: ReactNode };

/** The counterpart's short form: trust 1-5, two questions, an optional name. Then a thank-you, in its place. */
export function CheckInForm({ slug, token, leaderName, orgName, intro }: Props) {
  const [state, formAction] = useFormAction(answerCheckIn.bind(null, slug, token));
  const typedTrust = Number(typed(state, "trust"));
  const [trust, setTrust] = useState<number | null>(typedTrust >= 1 && typedTrust <= 5 ? typedTrust : null);

  if (state.status === "ok") {
    return (
      <div role="status" aria-label="Answer sent" className="space-y-3 py-2 text-center">
        <p className="text-sm font-medium text-brand-700">{orgName}</p>
        <p
          className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-emerald-50 text-2xl text-emerald-700 ring-1 ring-emerald-200"
          aria-hidden
        >
          ✓
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Thank you</h1>
        <p className="text-slate-700">{leaderName} has your answers. This link has done its job: you can close this page.</p>
      </div>
    );
  }

  const trustError = fieldError(state, "trust");
  return (
    <>
      {intro}
      <form action={formAction} className="mt-6 space-y-6" noValidate>
        <FormAlert state={state} />
        <div>
          <ScoreChoice
            name="trust"
            legend="How much do you trust our sales team today?"
            value={trust}
            onChange={setTrust}
            describedBy={trustError ? "trust-scale trust-error" : "trust-scale"}
          />
          <p id="trust-scale" className="mt-2 flex justify-between text-xs text-slate-600">
            <span>1 · not at all</span>
            <span>5 · completely</span>
          </p>
          {trustError && (
            <p id="trust-error" className="mt-1 text-sm text-red-700">
              {trustError}
            </p>
          )}
        </div>
        <TextAreaField
          label="What does sales do that makes you crazy?"
          name="salesFrustratesUs"
          rows={4}
          maxLength={CHECK_IN_LIMITS.friction}
          defaultValue={typed(state, "salesFrustratesUs")}
          error={fieldError(state, "salesFrustratesUs")}
          hint="Be blunt: this is what it is for."
        />
        <TextAreaField
          label="What would help most?"
          name="wouldHelp"
          rows={3}
          maxLength={CHECK_IN_LIMITS.wouldHelp}
          defaultValue={typed(state, "wouldHelp")}
          error={fieldError(state, "wouldHelp")}
        />
        <TextField
          label="Your name (optional)"
          name="respondentName"
          autoComplete="name"
          maxLength={CHECK_IN_LIMITS.name}
          defaultValue={typed(state, "respondentName")}
          error={fieldError(state, "respondentName")}
          hint="To confirm the answers are yours. Leave it blank if you prefer."
        />
        <section aria-label="Who reads your answers" className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
          <h2 className="font-semibold text-slate-900">Who reads this</h2>
          <p className="mt-1">
            {leaderName} and the admins of {orgName} read your answers; nobody else there sees them. The link takes one answer.
          </p>
        </section>
        <SubmitButton className="w-full py-3 text-base" pendingLabel="Sending…">
          Send my answers
        </SubmitButton>
      </form>
    </>
  );
}
