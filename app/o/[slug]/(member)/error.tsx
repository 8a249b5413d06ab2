"use client";

import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status/status-page";

/**
 * An error inside an organisation keeps the header and navigation around it. `retry` fetches the page from the
 * server again, so it recovers once the cause (e.g. a database outage) is gone.
 */
export default function OrganisationError({ retry }: { error: Error; retry: () => void }) {
  return (
    <StatusPage code="Something went wrong" title="This page did not load" landmark={false} action={<Button onClick={retry}>Try again</Button>}>
      Your data is safe. Try again, or pick another section above.
    </StatusPage>
  );
}
