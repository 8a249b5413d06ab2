"use client";

import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { setRelationshipPriority } from "@/lib/relationships/actions";

/** Marks (or unmarks) the first relationship to develop. */
export function PriorityToggle({ slug, relationshipId, priority }: { slug: string; relationshipId: string; priority: boolean }) {
  const { run, pending } = useActionRunner();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        run(
          () => setRelationshipPriority(slug, { relationshipId, priority: !priority }),
          priority ? "No longer marked as the first to develop." : "Marked as the first relationship to develop.",
        )
      }
    >
      {priority ? "Unmark as first to develop" : "Make it the first to develop"}
    </Button>
  );
}
