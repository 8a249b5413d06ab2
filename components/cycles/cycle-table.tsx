"use client";

import Link from "next/link";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import { closeCycle, openCycle } from "@/lib/cycles/actions";
import type { ActionState } from "@/lib/chain/outcome";

export type CycleRow = { id: string; name: string; status: "draft" | "open" | "closed"; opened: string; closed: string };

const STATUS = {
  draft: { label: "Draft", tone: "neutral" },
  open: { label: "Open", tone: "green" },
  closed: { label: "Closed", tone: "blue" },
} as const;

/** Every cycle with its status and dates; an admin opens a draft and closes the open one from here. */
export function CycleTable({
  slug,
  cycles,
  current,
  needsConfirmation,
}: {
  slug: string;
  cycles: CycleRow[];
  current: string | null;
  needsConfirmation: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const frameworkHref = `/o/${slug}/framework`;

  function run(call: () => Promise<ActionState<unknown>>, success: string) {
    startTransition(async () => {
      const result = await call();
      if (result.status === "ok") toast.success(success);
      else if (result.status === "error") {
        const message = result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.message;
        // The refusal to open the first cycle comes with the way out: the framework page.
        toast.error(
          message,
          needsConfirmation
            ? {
                description: (
                  <Link href={frameworkHref} className="font-medium underline underline-offset-2">
                    Go to the framework
                  </Link>
                ),
              }
            : undefined,
        );
      }
    });
  }

  return (
    <Table caption="Assessment cycles">
      <thead>
        <tr>
          <Th>Cycle</Th>
          <Th>Status</Th>
          <Th>Opened</Th>
          <Th>Closed</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {cycles.map((cycle) => (
          <tr key={cycle.id}>
            <Td className="font-medium text-slate-900">{cycle.name}</Td>
            <Td>
              <Badge tone={STATUS[cycle.status].tone}>{STATUS[cycle.status].label}</Badge>
              {cycle.status === "open" && <span className="ml-2 text-xs text-slate-600">current</span>}
            </Td>
            <Td className="whitespace-nowrap">{cycle.opened}</Td>
            <Td className="whitespace-nowrap">{cycle.closed}</Td>
            <Td className="text-right">
              {cycle.status === "open" && (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm" disabled={pending} aria-label={`Close ${cycle.name}`}>
                      Close
                    </Button>
                  }
                  title={`Close ${cycle.name}?`}
                  description={`Its ratings become read-only: leaders and reps can no longer change them. ${cycle.name} stays in the history and in trends.`}
                  confirmLabel="Close cycle"
                  onConfirm={() => run(() => closeCycle(slug, { cycleId: cycle.id }), `${cycle.name} closed. Its ratings are now read-only.`)}
                />
              )}
              {cycle.status === "draft" &&
                (current ? (
                  <ConfirmDialog
                    trigger={
                      <Button variant="secondary" size="sm" disabled={pending} aria-label={`Open ${cycle.name}`}>
                        Open
                      </Button>
                    }
                    title={`${current} is still open`}
                    description={`Only one cycle is open at a time. Close ${current} first: its ratings become read-only. Then ${cycle.name} opens as the current cycle.`}
                    confirmLabel={`Close ${current} and open ${cycle.name}`}
                    onConfirm={() =>
                      run(
                        () => openCycle(slug, { cycleId: cycle.id, closeCurrent: true }),
                        `${current} closed; ${cycle.name} is now the current cycle.`,
                      )
                    }
                  />
                ) : (
                  <ConfirmDialog
                    destructive={false}
                    trigger={
                      <Button variant="secondary" size="sm" disabled={pending} aria-label={`Open ${cycle.name}`}>
                        Open
                      </Button>
                    }
                    title={`Open ${cycle.name}?`}
                    description={`${cycle.name} becomes the current cycle: leaders rate their reps in it and reps self-assess.`}
                    confirmLabel="Open cycle"
                    onConfirm={() => run(() => openCycle(slug, { cycleId: cycle.id }), `${cycle.name} is now the current cycle.`)}
                  />
                ))}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
