"use server";

import "server-only";
import { lockPeopleImport } from "@/db/queries/members";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { confirmImportSchema, previewImportSchema } from "@/lib/schemas/people-import";
import { applyImport } from "./apply";
import { planDigest, planFor, previewOf } from "./preview";

/**
 * Reads a people file and says what importing it would do, row by row, without writing anything (a read-only
 * transaction). Two statements beside the chain's, however many rows.
 */
export const previewImport = memberAction(
  {
    name: "people.previewImport",
    permission: "people.import",
    input: previewImportSchema,
    readOnly: true,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }, { content }) => previewOf(await planFor(db, org.id, member, content)),
);

const rowsOf = (rows: readonly { row: number }[]) =>
  `${rows.length === 1 ? "row" : "rows"} ${rows
    .slice(0, 5)
    .map((r) => r.row)
    .join(", ")}${rows.length > 5 ? ` and ${rows.length - 5} more` : ""}`;

/**
 * Imports a people file: the server reads the file again and decides every row afresh, in one transaction, under
 * the organisation's import lock. Rows with errors are skipped; a row the importer may not import refuses the whole
 * import. Importing the same file again changes nothing.
 */
export const confirmImport = memberAction(
  {
    name: "people.import",
    permission: "people.import",
    input: confirmImportSchema,
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async (ctx, input) => {
    await lockPeopleImport(ctx.db, ctx.org.id);
    const plan = await planFor(ctx.db, ctx.org.id, ctx.member, input.content);
    const refused = plan.rows.filter((r) => r.status === "refused");
    if (refused.length > 0) throw new Refusal("forbidden", `You may not import ${rowsOf(refused)}: ${refused[0]!.note}`.slice(0, 280));
    if (input.digest && input.digest !== planDigest(plan)) {
      throw new Refusal("conflict", "Something changed since your preview. Review the new preview and confirm again.", undefined, {
        preview: previewOf(plan),
      });
    }
    return applyImport(ctx, plan, { apply: new Set(input.apply), sendEmail: input.sendEmail, expiresInHours: input.expiresInHours });
  },
);
