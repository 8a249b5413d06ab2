import type { Metadata } from "next";
import { PriorityNudge } from "@/components/relationships/priority-nudge";
import { RelationshipFormDialog } from "@/components/relationships/relationship-form-dialog";
import { RelationshipsTable } from "@/components/relationships/relationships-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadRelationshipsPage } from "@/lib/relationships/loaders";

export const metadata: Metadata = { title: "Relationships" };

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export default async function RelationshipsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadRelationshipsPage(slug);
  const canAdd = page.departments.length > 0;
  const newButton = canAdd ? (
    <RelationshipFormDialog
      slug={page.slug}
      departments={page.departments}
      suggestPriority={!page.hasOwn}
      trigger={<Button>New relationship</Button>}
    />
  ) : undefined;
  const { flags } = page;
  const attention = [
    flags.contacts > 0 && plural(flags.contacts, "overdue contact", "overdue contacts"),
    flags.nextSteps > 0 && plural(flags.nextSteps, "overdue next step", "overdue next steps"),
    flags.actions > 0 && plural(flags.actions, "relationship with overdue actions", "relationships with overdue actions"),
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title="Relationships"
        description={
          page.isAdmin
            ? "Every leader's relationships with the departments sales depends on. Overdue dates are counted in the organisation's time zone."
            : "Your relationships with the departments sales depends on: joint goals, one-on-one time, and small actions that build trust."
        }
        actions={newButton}
      />

      {!canAdd && (
        <div className="mb-6">
          <EmptyState title="No departments yet">
            {page.isAdmin
              ? "Add the departments sales works with in Settings, then start your first relationship."
              : "An admin adds the organisation's departments in Settings; then you can start your first relationship."}
          </EmptyState>
        </div>
      )}

      {page.needsPriority && (
        <PriorityNudge
          slug={page.slug}
          choices={page.relationships.filter((r) => r.own).map((r) => ({ id: r.id, label: `${r.counterpartName} (${r.departmentName})` }))}
        />
      )}

      {attention.length > 0 && (
        <p role="status" className="mb-4 rounded-md bg-red-50 px-4 py-2.5 text-sm text-red-900 ring-1 ring-red-200">
          <span className="font-semibold">Needs attention: </span>
          {attention.join(" · ")}
        </p>
      )}

      {page.relationships.length === 0 ? (
        canAdd && (
          <EmptyState title="No relationships yet" action={newButton}>
            Sales needs other departments. Pick the one relationship to develop first — distribution, purchasing, finance, operations or customer
            service — and ask for lunch.
          </EmptyState>
        )
      ) : (
        <RelationshipsTable slug={page.slug} rows={page.relationships} showOwner={page.isAdmin} />
      )}
    </>
  );
}
