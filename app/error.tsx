"use client";

import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status/status-page";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Something went wrong"
      title="We could not load this page"
      action={<Button onClick={reset}>Try again</Button>}
    >
      <p>This is on our side, not yours. Try again in a moment.</p>
      {error.digest && <p className="mt-2 text-xs text-slate-400">Reference: {error.digest}</p>}
    </StatusPage>
  );
}
