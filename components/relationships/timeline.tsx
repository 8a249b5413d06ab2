"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { RelationshipPage } from "@/lib/relationships/loaders";
import { INTERACTION_LABEL, restartsCadence } from "@/lib/relationships/rules";
import { ActionDialog, type ActionDraft } from "./action-dialog";
import { formatDay } from "./format";

type Interaction = RelationshipPage["interactions"][number];
type Common = { slug: string; relationshipId: string; counterpart: string; today: string };

/** The interaction log, newest first: each "makes you crazy" answer can become a small action. */
export function Timeline({ interactions, actionCounts, ...common }: Common & { interactions: Interaction[]; actionCounts: Record<string, number> }) {
  return (
    <ol className="relative space-y-6 border-l-2 border-slate-200 pl-6">
      {interactions.map((i) => (
        <li key={i.id} className="relative">
          <span aria-hidden className={`absolute -left-[2.05rem] top-1.5 h-3.5 w-3.5 rounded-full ring-4 ring-white ${restartsCadence(i.kind) ? "bg-brand-600" : "bg-slate-400"}`} />
          <article aria-label={`${INTERACTION_LABEL[i.kind]} on ${formatDay(i.occurredOn)}`} className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
            <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className="font-semibold text-slate-900">{INTERACTION_LABEL[i.kind]}</h3>
              <span className="text-sm text-slate-600">{formatDay(i.occurredOn)}</span>
              <Badge tone="blue">{`Trust after: ${i.trustAfter} / 5`}</Badge>
              {!restartsCadence(i.kind) && <Badge>Did not restart the countdown</Badge>}
              <span className="ml-auto text-xs text-slate-500">Logged by {i.loggedByName}</span>
            </header>
            {i.weFrustrateThem || i.theyFrustrateUs ? (
              <dl className="mt-3 grid gap-3 md:grid-cols-2">
                <Friction title={`What we do that makes ${common.counterpart} crazy`} text={i.weFrustrateThem} draft={{ interactionId: i.id, description: i.weFrustrateThem ?? "", owner: "us" }} {...common} />
                <Friction title={`What ${common.counterpart} does that makes us crazy`} text={i.theyFrustrateUs} draft={{ interactionId: i.id, description: i.theyFrustrateUs ?? "", owner: "them" }} {...common} />
              </dl>
            ) : (
              !i.notes && <p className="mt-2 text-sm text-slate-500">No answers or notes logged.</p>
            )}
            {i.notes && <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{i.notes}</p>}
            {(actionCounts[i.id] ?? 0) > 0 && (
              <p className="mt-2 text-xs text-slate-600">
                {actionCounts[i.id] === 1 ? "1 small action came from this." : `${actionCounts[i.id]} small actions came from this.`}
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

function Friction({ title, text, draft, ...common }: Common & { title: string; text: string | null; draft: ActionDraft }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</dt>
      <dd className="mt-1 text-sm text-slate-900">
        {text ? <p className="whitespace-pre-line">{text}</p> : <p className="text-slate-500">Not asked this time.</p>}
        {text && (
          <div className="mt-2">
            <ActionDialog
              {...common}
              draft={draft}
              open={open}
              onOpenChange={setOpen}
              trigger={
                <Button variant="secondary" size="sm">
                  Turn into an action
                </Button>
              }
            />
          </div>
        )}
      </dd>
    </div>
  );
}
