"use client";

import { signOut } from "@/components/auth/sign-out";
import { SignInAfterCreateError, useSignInAfterCreate } from "@/components/auth/sign-in-after-create";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_LABEL } from "@/lib/format";
import { acceptInviteAsMember, acceptInviteAsNewPerson } from "@/lib/invites/join";
import type { MemberRole } from "@/lib/permissions";

type Invite = {
  orgName: string;
  role: MemberRole;
  teamName: string | null;
  boundEmail: string | null;
  viewer: { name: string; email: string } | null;
  refusal: string | null;
};

export function JoinPanel({ slug, token, invite }: { slug: string; token: string; invite: Invite }) {
  const offer = `${ROLE_LABEL[invite.role].toLowerCase()}${invite.teamName ? ` in ${invite.teamName}` : ""}`;
  return (
    <>
      <p className="text-sm font-medium text-brand-700">You are invited</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Join {invite.orgName}</h1>
      <p className="mt-1 text-sm text-slate-600">as a {offer}.</p>
      {invite.refusal ? (
        <div className="mt-6 space-y-4">
          <p role="alert" aria-label="Invite problem" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            {invite.refusal}
          </p>
          {invite.viewer && (
            <Link href="/o" className={buttonClasses("secondary")}>
              Go to your organisations
            </Link>
          )}
        </div>
      ) : invite.viewer ? (
        <JoinSignedIn slug={slug} token={token} viewer={invite.viewer} />
      ) : (
        <JoinAsNewPerson slug={slug} token={token} boundEmail={invite.boundEmail} />
      )}
    </>
  );
}

function JoinSignedIn({ slug, token, viewer }: { slug: string; token: string; viewer: { name: string; email: string } }) {
  const router = useRouter();
  const [state, formAction] = useFormAction(acceptInviteAsMember.bind(null, slug, token), (joined) => router.push(`/o/${joined.slug}`));
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormAlert state={state} />
      <p className="text-sm text-slate-700">
        You are signed in as <strong>{viewer.name}</strong> ({viewer.email}).
      </p>
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join as {viewer.name}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Not you?{" "}
        <Button variant="ghost" size="sm" onClick={() => signOut(`/o/${slug}/join/${token}`)}>
          Sign out
        </Button>
      </p>
    </form>
  );
}

function JoinAsNewPerson({ slug, token, boundEmail }: { slug: string; token: string; boundEmail: string | null }) {
  const [password, setPassword] = useState("");
  const { signInAndOpen, error: signInError } = useSignInAfterCreate("You have joined, but signing in failed. Sign in with your new password.");
  const [state, formAction] = useFormAction(acceptInviteAsNewPerson.bind(null, slug, token), (joined, form) => signInAndOpen(form, joined.slug));
  const next = encodeURIComponent(`/o/${slug}/join/${token}`);
  return (
    <>
      <form action={formAction} className="mt-6 space-y-4" noValidate>
        <FormAlert state={state} />
        <SignInAfterCreateError message={signInError} />
        <TextField label="Your name" name="name" autoComplete="name" defaultValue={typed(state, "name")} error={fieldError(state, "name")} required />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={typed(state, "email", boundEmail ?? "")}
          readOnly={Boolean(boundEmail)}
          hint={boundEmail ? "This link is for this address." : undefined}
          error={fieldError(state, "email")}
          required
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="8 to 128 characters."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(state, "password")}
          required
        />
        <SubmitButton className="w-full" pendingLabel="Creating your account…">
          Create account and join
        </SubmitButton>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/login?next=${next}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Sign in to join
        </Link>
      </p>
    </>
  );
}
