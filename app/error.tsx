"use client";

import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status/status-page";

/** `retry` fetches the page from the server again, so it recovers once the cause (e.g. a database outage) is gone. */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <StatusPage code="Something went wrong" title="We could not load this page" action={<Button onClick={retry}>Try again</Button>}>
      <p>This is on our side, not yours: the service may be briefly unavailable. Your saved work is safe. Try again in a moment.</p>
      {error.digest && <p className="mt-2 text-xs text-slate-400">Reference: {error.digest}</p>}
    </StatusPage>
  );
}
