import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { findPeopleByEmail } from "@/db/queries/invites";
import { listTeamNames } from "@/db/queries/teams";
import type { Member } from "@/lib/permissions";
import type { ParsedSheet } from "./parse";
import { planImport, type ImportPlan, type PlannedRow } from "./plan";

/** The plan for this file in this organisation, read in two statements however many rows. */
export async function planFor(db: DbOrTx, orgId: string, member: Member, sheet: ParsedSheet): Promise<ImportPlan> {
  const emails = [...new Set(sheet.rows.map((r) => r.email.toLowerCase()).filter((e) => e && e.length <= 254))];
  const [teams, people] = await Promise.all([listTeamNames(db, orgId), findPeopleByEmail(db, orgId, emails, new Date())]);
  return planImport(sheet, { teams, people }, member);
}

/** A row as the preview shows it. */
export type PreviewRow = Pick<PlannedRow, "row" | "cells" | "email" | "role" | "status" | "note" | "newTeams"> & { teams: string[] };

export type ImportPreview = {
  rows: PreviewRow[];
  counts: ImportPlan["counts"];
  newTeams: string[];
  ignoredColumns: string[];
  /** Identifies what the confirm will do; it refuses if that changed in between (lib/schemas/people-import.ts). */
  digest: string;
};

/** What the confirm would do, as a hash: the rows' statuses and notes and the teams to create. */
export function planDigest(plan: ImportPlan): string {
  const what = JSON.stringify([plan.rows.map((r) => [r.row, r.email, r.status, r.note]), plan.newTeams]);
  return createHash("sha256").update(what).digest("hex");
}

export function previewOf(plan: ImportPlan): ImportPreview {
  return {
    rows: plan.rows.map((r) => ({
      row: r.row,
      cells: r.cells,
      email: r.email,
      role: r.role,
      status: r.status,
      note: r.note,
      newTeams: r.newTeams,
      teams: r.teams.map((t) => t.name),
    })),
    counts: plan.counts,
    newTeams: plan.newTeams,
    ignoredColumns: plan.ignoredColumns,
    digest: planDigest(plan),
  };
}
