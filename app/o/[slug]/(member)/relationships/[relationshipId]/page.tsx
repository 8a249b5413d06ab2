import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CheckInLinks } from "@/components/check-ins/check-in-links";
import { RELATIONSHIP_STATUS_TONE } from "@/components/relationships/status-tone";
import { Goals, SmallActions } from "@/components/relationships/goals-and-actions";
import { InteractionDialog } from "@/components/relationships/interaction-dialog";
import { PriorityToggle } from "@/components/relationships/priority-toggle";
import { RelationshipFormDialog } from "@/components/relationships/relationship-form-dialog";
import { Timeline } from "@/components/relationships/timeline";
import { TrustChart } from "@/components/relationships/trust-chart";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDay, relativeDays } from "@/lib/format";
import { loadRelationship } from "@/lib/relationships/loaders";
import { INTERACTION_LABEL, RELATIONSHIP_STATUS_LABEL } from "@/lib/relationships/rules";

export const metadata: Metadata = { title: "Relationship" };

export default async function RelationshipPage({ params }: { params: Promise<{ slug: string; relationshipId: string }> }) {
  const { slug, relationshipId } = await params;
  const page = await loadRelationship(slug, { relationshipId });
  const { relationship: r, contact } = page;
  const common = { slug: page.slug, relationshipId: r.id, counterpart: r.counterpartName, today: page.today };

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/o/${page.slug}/relationships`} className="text-brand-700 hover:underline">
          ← Relationships
        </Link>
      </nav>
      <PageHeader
        title={r.counterpartName}
        description={
          <>
            {r.departmentName}
            {r.counterpartTitle ? ` · ${r.counterpartTitle}` : ""}
            {page.own ? "" : ` · kept by ${r.ownerName}`}
          </>
        }
        actions={
          <>
            <PriorityToggle slug={page.slug} relationshipId={r.id} priority={r.priority} />
            <RelationshipFormDialog
              slug={page.slug}
              departments={page.departments}
              relationship={r}
              trigger={<Button variant="secondary">Edit</Button>}
            />
            <InteractionDialog slug={page.slug} relationshipId={r.id} counterpart={r.counterpartName} today={page.today} trust={r.trust} />
          </>
        }
      />

      <section aria-label="Summary" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="Status">
          <span className="flex flex-wrap gap-2">
            <Badge tone={RELATIONSHIP_STATUS_TONE[r.status]}>{RELATIONSHIP_STATUS_LABEL[r.status]}</Badge>
            {r.priority && <Badge tone="amber">First to develop</Badge>}
          </span>
        </Fact>
        <Fact label="Trust">
          <span className="text-2xl font-semibold text-slate-900 tabular-nums">{r.trust}</span>
          <span className="text-sm text-slate-600"> of 5</span>
        </Fact>
        <Fact label="Next contact">
          <span className="block font-medium text-slate-900">{formatDay(contact.dueOn)}</span>
          {contact.overdue ? (
            <Badge tone="red">{`Overdue by ${-contact.daysLeft} ${contact.daysLeft === -1 ? "day" : "days"}`}</Badge>
          ) : (
            <span className="text-sm text-slate-600">{relativeDays(contact.daysLeft)}</span>
          )}
          <span className="mt-1 block text-xs text-slate-600">
            {`Every ${r.cadenceDays} days · last one-on-one time: ${contact.lastContactOn ? formatDay(contact.lastContactOn) : "none yet"}`}
          </span>
        </Fact>
        <Fact label="Next step">
          {r.nextStep ? (
            <>
              <span className="block text-sm text-slate-900">{r.nextStep}</span>
              {r.nextStepDue &&
                (r.nextStepOverdue ? (
                  <Badge tone="red">{`Overdue since ${formatDay(r.nextStepDue)}`}</Badge>
                ) : (
                  <span className="text-xs text-slate-600">{`Due ${formatDay(r.nextStepDue)}`}</span>
                ))}
            </>
          ) : (
            <span className="text-sm text-slate-600">None set</span>
          )}
        </Fact>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Joint goals">
          <Goals slug={page.slug} relationshipId={r.id} goals={page.goals} />
        </Panel>
        <Panel title="Small actions">
          <SmallActions {...common} actions={page.actions} />
        </Panel>
      </div>

      <Panel
        title="Trust over time, both views"
        description={`Your trust level after each interaction, and ${r.counterpartName}'s own answer in each check-in.`}
      >
        {page.trustLine.length === 0 && page.theirTrust.length === 0 ? (
          <p className="text-sm text-slate-600">Log an interaction or send a check-in link to start the chart.</p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
            <TrustChart
              counterpart={r.counterpartName}
              points={page.trustLine.map((p) => ({ on: p.on, trust: p.trust, label: INTERACTION_LABEL[p.kind] }))}
              theirs={page.theirTrust.map((p) => ({ on: p.on, trust: p.trust, label: "Check-in answer" }))}
            />
            <div className="space-y-4">
              {page.trustLine.length > 0 && (
                <TrustTable
                  caption="Trust after each interaction"
                  what="Interaction"
                  rows={page.trustLine.map((p) => ({ on: p.on, what: INTERACTION_LABEL[p.kind], trust: p.trust }))}
                />
              )}
              {page.theirTrust.length > 0 && (
                <TrustTable
                  caption={`${r.counterpartName}'s trust in each check-in`}
                  what="Their view"
                  rows={page.theirTrust.map((p) => ({ on: p.on, what: "Check-in answer", trust: p.trust }))}
                />
              )}
            </div>
          </div>
        )}
      </Panel>

      <Panel
        title="Check-in links"
        description={`A private link for ${r.counterpartName}: trust 1-5, what sales does that makes them crazy, what would help. No account needed; one answer per link. ${page.own ? "You" : r.ownerName} and the organisation's admins read the answers.`}
      >
        <CheckInLinks
          slug={page.slug}
          relationshipId={r.id}
          counterpart={r.counterpartName}
          timeZone={page.timeZone}
          canManage={page.canCheckIn}
          links={page.checkIns}
        />
      </Panel>

      <section aria-labelledby="timeline-heading" className="space-y-4">
        <h2 id="timeline-heading" className="text-lg font-semibold text-slate-900">
          Interaction log and check-in answers
        </h2>
        {page.timeline.length === 0 ? (
          <EmptyState title="Nothing logged yet">
            Fall on your sword: ask {r.counterpartName} to lunch, and ask what sales does that makes them crazy. Then log it here.
          </EmptyState>
        ) : (
          <Timeline {...common} entries={page.timeline} actionCounts={page.actionCounts} />
        )}
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
      <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{label}</h2>
      <div className="mt-2">{children}</div>
    </div>
  );
}

/** One side's trust levels as a table: the chart's numbers, for screen readers and for reading exactly. */
function TrustTable({ caption, what, rows }: { caption: string; what: string; rows: { on: string; what: string; trust: number }[] }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Date</Th>
          <Th>{what}</Th>
          <Th className="text-right">Trust</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => (
          <tr key={i}>
            <Td className="py-2 whitespace-nowrap">{formatDay(row.on)}</Td>
            <Td className="py-2">{row.what}</Td>
            <Td className="py-2 text-right tabular-nums">{row.trust}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
