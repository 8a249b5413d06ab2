"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { setRelationshipPriority } from "@/lib/relationships/actions";

/** Shown to someone who keeps relationships but has not picked the first one to develop. */
export function PriorityNudge({ slug, choices }: { slug: string; choices: { id: string; label: string }[] }) {
  const [chosen, setChosen] = useState(choices[0]?.id ?? "");
  const { run, pending } = useActionRunner();
  const choice = choices.find((c) => c.id === chosen);
  return (
    <section aria-labelledby="priority-nudge" className="mb-6 rounded-lg bg-amber-50 p-5 ring-1 ring-amber-200">
      <h2 id="priority-nudge" className="text-sm font-semibold text-amber-950">
        Pick the first relationship to develop
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-amber-950">
        Start with one. Ask for one-on-one time, ask what sales does that makes them crazy, and agree a small action. Then the next.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <SelectField label="First relationship to develop" value={chosen} onChange={(e) => setChosen(e.target.value)} className="w-80 max-w-full">
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <Button
          disabled={!choice || pending}
          onClick={() =>
            choice &&
            run(
              () => setRelationshipPriority(slug, { relationshipId: choice.id, priority: true }),
              `${choice.label} is the first relationship to develop.`,
            )
          }
        >
          Make it the first
        </Button>
      </div>
    </section>
  );
}
