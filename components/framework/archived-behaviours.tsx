"use client";

import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { restoreBehaviour } from "@/lib/framework/actions";
import type { BehaviourView } from "./types";

/** Archived behaviours: out of the grid, their past ratings kept; an admin can bring one back. */
export function ArchivedBehaviours({ slug, behaviours }: { slug: string; behaviours: BehaviourView[] }) {
  const { run, pending } = useActionRunner();
  return (
    <section aria-labelledby="archived-heading" className="mt-10">
      <h2 id="archived-heading" className="text-base font-semibold text-slate-900">
        Archived
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Not rated any more. Their past ratings are kept; a restored behaviour goes to the end of the list.
      </p>
      <ul className="mt-4 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
        {behaviours.map((behaviour) => (
          <li key={behaviour.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
            <div className="min-w-0 flex-1 basis-64">
              <h3 className="text-sm font-medium text-slate-800">{behaviour.name}</h3>
              <p className="text-sm text-slate-600">{behaviour.description}</p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              disabled={pending}
              aria-label={`Restore ${behaviour.name}`}
              onClick={() => run(() => restoreBehaviour(slug, { behaviourId: behaviour.id }), `${behaviour.name} restored.`)}
            >
              Restore
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
