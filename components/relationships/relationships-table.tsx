import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDay, relativeDays } from "@/lib/format";
import type { RelationshipsPage } from "@/lib/relationships/loaders";
import { RELATIONSHIP_STATUS_LABEL } from "@/lib/relationships/rules";
import { RELATIONSHIP_STATUS_TONE } from "./status-tone";

type Row = RelationshipsPage["relationships"][number];

/** Every relationship the viewer may see, with what needs attention flagged in words (colour repeats it). */
export function RelationshipsTable({ slug, rows, showOwner }: { slug: string; rows: Row[]; showOwner: boolean }) {
  return (
    <Table caption="Relationships">
      <thead>
        <tr>
          <Th>Counterpart</Th>
          <Th>Status</Th>
          <Th className="text-center">Trust</Th>
          <Th>Next contact</Th>
          <Th>Next step</Th>
          <Th>Actions</Th>
          <Th>Goals</Th>
          {showOwner && <Th>Kept by</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="align-top">
            <Td>
              <Link href={`/o/${slug}/relationships/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.counterpartName}
              </Link>
              <div className="text-xs text-slate-600">
                {r.departmentName}
                {r.counterpartTitle ? ` · ${r.counterpartTitle}` : ""}
              </div>
              {r.priority && (
                <div className="mt-1">
                  <Badge tone="amber">First to develop</Badge>
                </div>
              )}
            </Td>
            <Td>
              <Badge tone={RELATIONSHIP_STATUS_TONE[r.status]}>{RELATIONSHIP_STATUS_LABEL[r.status]}</Badge>
            </Td>
            <Td className="text-center tabular-nums">
              <span className="font-semibold">{r.trust}</span>
              <span className="text-slate-500"> / 5</span>
            </Td>
            <Td>
              <div className="whitespace-nowrap">{formatDay(r.contact.dueOn)}</div>
              {r.contact.overdue ? (
                <Badge tone="red">{`Overdue by ${-r.contact.daysLeft} ${r.contact.daysLeft === -1 ? "day" : "days"}`}</Badge>
              ) : (
                <div className="text-xs text-slate-600">{relativeDays(r.contact.daysLeft)}</div>
              )}
            </Td>
            <Td className="max-w-64">
              {r.nextStep ? (
                <>
                  <div>{r.nextStep}</div>
                  {r.nextStepDue && (
                    <div className="mt-0.5 text-xs text-slate-600">
                      {r.nextStepOverdue ? (
                        <Badge tone="red">{`Overdue since ${formatDay(r.nextStepDue)}`}</Badge>
                      ) : (
                        `Due ${formatDay(r.nextStepDue)}`
                      )}
                    </div>
                  )}
                </>
              ) : (
                <span className="text-slate-500">None set</span>
              )}
            </Td>
            <Td>
              {r.openActions === 0 ? (
                <span className="text-slate-500">None open</span>
              ) : (
                <>
                  <div className="whitespace-nowrap">{`${r.openActions} open`}</div>
                  {r.actionsOverdue && <Badge tone="red">Overdue</Badge>}
                </>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {r.openGoals + r.achievedGoals === 0 ? (
                <span className="text-slate-500">None yet</span>
              ) : (
                `${r.achievedGoals} of ${r.openGoals + r.achievedGoals} achieved`
              )}
            </Td>
            {showOwner && <Td className="whitespace-nowrap">{r.ownerName}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
