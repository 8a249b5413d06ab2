"use client";

import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { trivialPing } from "@/lib/bench/actions";

/** Runs the trivial action once: proves a signed-in write round trip works (and lets the bench record it). */
export function PingButton({ slug }: { slug: string }) {
  const { run, pending } = useActionRunner();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => run(() => trivialPing(slug, {}), "The app answered a signed-in action.")}>
      {pending ? "Checking…" : "Check a signed-in action"}
    </Button>
  );
}
