"use client";

import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status/status-page";

/** An error inside an organisation keeps the header and navigation around it. */
export default function OrganisationError({ reset }: { error: Error; reset: () => void }) {
  return (
    <StatusPage
      code="Something went wrong"
      title="This page did not load"
      landmark={false}
      action={<Button onClick={reset}>Try again</Button>}
    >
      Your data is safe. Try again, or pick another section above.
    </StatusPage>
  );
}
