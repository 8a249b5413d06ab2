"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { RelationshipPage } from "@/lib/relationships/loaders";
import { INTERACTION_LABEL, restartsCadence } from "@/lib/relationships/rules";
import { ActionDialog, type ActionDraft } from "./action-dialog";
import { formatDay } from "@/lib/format";
import { THEIR_TRUST_COLOUR } from "./trust-chart";

type Entry = RelationshipPage["timeline"][number];
type Interaction = Extract<Entry, { type: "interaction" }>["interaction"];
type Answer = Extract<Entry, { type: "checkIn" }>["answer"];
type Common = { slug: string; relationshipId: string; counterpart: string; today: string };

/**
 * The timeline, newest first: the leader's interactions and, beside them, the counterpart's own check-in
 * answers. Each "makes you crazy" answer can become a small action.
 */
export function Timeline({ entries, actionCounts, ...common }: Common & { entries: Entry[]; actionCounts: Record<string, number> }) {
  return (
    <ol className="relative space-y-6 border-l-2 border-slate-200 pl-6">
      {entries.map((entry) => (
        <li key={`${entry.type}-${entry.type === "interaction" ? entry.interaction.id : entry.answer.id}`} className="relative">
          {entry.type === "interaction" ? (
            <InteractionEntry i={entry.interaction} actions={actionCounts[entry.interaction.id] ?? 0} {...common} />
          ) : (
            <AnswerEntry a={entry.answer} actions={actionCounts[entry.answer.id] ?? 0} {...common} />
          )}
        </li>
      ))}
    </ol>
  );
}

function CameFrom({ count }: { count: number }) {
  if (count === 0) return null;
  return <p className="mt-2 text-xs text-slate-600">{count === 1 ? "1 small action came from this." : `${count} small actions came from this.`}</p>;
}

function InteractionEntry({ i, actions, ...common }: Common & { i: Interaction; actions: number }) {
  return (
    <>
      <span
        aria-hidden
        className={`absolute top-1.5 -left-[2.05rem] h-3.5 w-3.5 rounded-full ring-4 ring-white ${restartsCadence(i.kind) ? "bg-brand-600" : "bg-slate-400"}`}
      />
      <article
        aria-label={`${INTERACTION_LABEL[i.kind]} on ${formatDay(i.occurredOn)}`}
        className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
      >
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 className="font-semibold text-slate-900">{INTERACTION_LABEL[i.kind]}</h3>
          <span className="text-sm text-slate-600">{formatDay(i.occurredOn)}</span>
          <Badge tone="blue">{`Trust after: ${i.trustAfter} / 5`}</Badge>
          {!restartsCadence(i.kind) && <Badge>Did not restart the countdown</Badge>}
          <span className="ml-auto text-xs text-slate-500">Logged by {i.loggedByName}</span>
        </header>
        {i.weFrustrateThem || i.theyFrustrateUs ? (
          <dl className="mt-3 grid gap-3 md:grid-cols-2">
            <Friction
              title={`What we do that makes ${common.counterpart} crazy`}
              text={i.weFrustrateThem}
              draft={{ interactionId: i.id, description: i.weFrustrateThem ?? "", owner: "us" }}
              {...common}
            />
            <Friction
              title={`What ${common.counterpart} does that makes us crazy`}
              text={i.theyFrustrateUs}
              draft={{ interactionId: i.id, description: i.theyFrustrateUs ?? "", owner: "them" }}
              {...common}
            />
          </dl>
        ) : (
          !i.notes && <p className="mt-2 text-sm text-slate-500">No answers or notes logged.</p>
        )}
        {i.notes && <p className="mt-3 text-sm whitespace-pre-line text-slate-700">{i.notes}</p>}
        <CameFrom count={actions} />
      </article>
    </>
  );
}

/** The counterpart's own answer, in their words, marked apart from the leader's log. */
function AnswerEntry({ a, actions, ...common }: Common & { a: Answer; actions: number }) {
  return (
    <>
      <span
        aria-hidden
        className="absolute top-2 -left-[1.99rem] h-3 w-3 rotate-45 ring-4 ring-white"
        style={{ backgroundColor: THEIR_TRUST_COLOUR }}
      />
      <article aria-label={`Check-in answer on ${formatDay(a.on)}`} className="rounded-lg bg-amber-50/40 p-4 shadow-xs ring-1 ring-amber-200">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 className="font-semibold text-slate-900">Check-in answer</h3>
          <span className="text-sm text-slate-600">{formatDay(a.on)}</span>
          <Badge tone="amber">{`Their trust: ${a.trust} / 5`}</Badge>
          <span className="ml-auto text-xs text-slate-600">{a.respondentName ? `Answered by ${a.respondentName}` : "Answered without a name"}</span>
        </header>
        {a.salesFrustratesUs || a.wouldHelp ? (
          <dl className="mt-3 grid gap-3 md:grid-cols-2">
            <Friction
              title={`What sales does that makes ${common.counterpart} crazy`}
              text={a.salesFrustratesUs}
              draft={{ checkInId: a.id, description: a.salesFrustratesUs ?? "", owner: "us" }}
              empty="Left blank."
              {...common}
            />
            <Friction
              title="What would help most"
              text={a.wouldHelp}
              draft={{ checkInId: a.id, description: a.wouldHelp ?? "", owner: "us" }}
              empty="Left blank."
              {...common}
            />
          </dl>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Only the trust level was given.</p>
        )}
        <CameFrom count={actions} />
      </article>
    </>
  );
}

function Friction({
  title,
  text,
  draft,
  empty = "Not asked this time.",
  ...common
}: Common & { title: string; text: string | null; draft: ActionDraft; empty?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</dt>
      <dd className="mt-1 text-sm text-slate-900">
        {text ? <p className="whitespace-pre-line">{text}</p> : <p className="text-slate-500">{empty}</p>}
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
