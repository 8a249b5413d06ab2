import { getDb } from "@/db/client";
import {
  exportMemberUsersPage,
  exportOrganisationRow,
  exportTenantPage,
  submittedAssessmentKeys,
  tenantTables,
  type PageCursor,
} from "@/db/queries/export";
import { inScope } from "@/db/tenant";
import { coachSeesSelf } from "@/lib/assessments/visibility";
import { log } from "@/lib/observability/log";
import { dateInZone } from "@/lib/dates";
import { pullStream, StreamStopped } from "./pull-stream";

const EXPORT_FORMAT = "coachgrid-export";
const EXPORT_VERSION = 1;

/** The document the stream writes. */
export type OrganisationExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  organisation: Record<string, unknown>;
  /** What the reader must know about the contents (private notes included). */
  notices: string[];
  /** Every tenant table of the schema by its database name, plus `users`: the members' names and emails. */
  tables: Record<string, Record<string, unknown>[]>;
};

/**
 * The export is for the organisation's admins, so it holds only what an admin may read in the app: a private 1:1
 * note keeps its row (who, when, which rep) without its text, which only its author reads; a self rating that blind
 * mode still hides from coaches (the rep has not submitted) keeps its row and dates without score or comment.
 */
export const WITHHELD_NOTICE =
  'This export holds what an admin can read in the app. Private 1:1 notes are listed ("visibility": "private") without their text, which only their author reads. Self ratings of a self-assessment the rep has not submitted yet are listed without score or comment while blind mode is on ("withheld": true).';

const WITHHELD = { withheld: true } as const;

type Row = Record<string, unknown>;

function withholdPrivateNote(row: Row): Row {
  return row.shared === true ? { ...row, visibility: "shared" } : { ...row, body: null, visibility: "private", ...WITHHELD };
}

/** A self rating the coach may not see yet (lib/assessments/visibility.ts) loses its score and comment. */
function withholdDraftSelfRating(submitted: Set<string>, blindMode: boolean) {
  return (row: Row): Row => {
    const state = { submittedAt: submitted.has(`${String(row.cycle_id)}/${String(row.rep_user_id)}`) ? new Date(0) : null, sharedAt: null };
    return coachSeesSelf(blindMode, state) ? row : { ...row, score: null, comment: null, ...WITHHELD };
  };
}

type Pages = (cursor: PageCursor) => Promise<{ rows: Row[]; next: PageCursor }>;

/** A JSON array's elements, one row a line, read page after page until the last. */
async function writeRows(write: (text: string) => Promise<void>, pages: Pages, toRow: (row: Row) => Row): Promise<void> {
  let written = 0;
  let cursor: PageCursor;
  do {
    const page = await pages(cursor);
    if (page.rows.length > 0) await write(page.rows.map((row) => `${written++ === 0 ? "" : ","}\n${JSON.stringify(toRow(row))}`).join(""));
    cursor = page.next;
  } while (cursor);
}

export type ExportOptions = {
  now?: Date;
  /** Rows read per statement. */
  pageRows?: number;
  /** How long the download may go unread before it is stopped and its transaction let go. */
  stallMs?: number;
};

/**
 * Everything the organisation owns, as one JSON document streamed as it is read: its row, every tenant table's
 * rows (each query filtered by the organisation), and the people who are members, table by table, a page of rows
 * at a time, one row per line. Secrets' hashes are never included, nor what an admin may not read
 * (WITHHELD_NOTICE).
 *
 * It reads in one read-only, repeatable-read transaction behind the organisation's wall (db/tenant.ts), so the
 * tables agree with each other however long the download takes; the transaction lasts as long as the download and
 * ends when it is done, cancelled or left unread for `stallMs` (on the embedded database, which has one connection,
 * other requests wait meanwhile: docs/operations.md). Memory stays at a page of rows whatever the organisation's size.
 */
export function organisationExportStream(
  scope: { orgId: string; userId: string },
  { now = new Date(), pageRows = 1000, stallMs = 60_000 }: ExportOptions = {},
): ReadableStream<Uint8Array> {
  return pullStream(
    async (write) => {
      const db = await getDb();
      await inScope(
        db,
        scope,
        async (tx) => {
          const organisation = await exportOrganisationRow(tx, scope.orgId);
          if (!organisation) throw new Error(`No organisation ${scope.orgId} to export`);
          const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), organisation, notices: [WITHHELD_NOTICE] };
          await write(`${JSON.stringify(head).slice(0, -1)},\n"tables":{`);

          const shape: Record<string, (row: Row) => Row> = {
            one_on_one_notes: withholdPrivateNote,
            self_ratings: withholdDraftSelfRating(await submittedAssessmentKeys(tx, scope.orgId), organisation.blind_mode === true),
          };
          const sources: [string, Pages][] = [
            ...tenantTables().map((table): [string, Pages] => [table.name, (cursor) => exportTenantPage(tx, scope.orgId, table, cursor, pageRows)]),
            ["users", (cursor) => exportMemberUsersPage(tx, scope.orgId, cursor, pageRows)],
          ];
          for (const [index, [name, pages]] of sources.entries()) {
            await write(`${index === 0 ? "" : ","}\n${JSON.stringify(name)}:[`);
            await writeRows(write, pages, shape[name] ?? ((row) => row));
            await write("]");
          }
          await write("\n}}\n");
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      ).catch((error: unknown) => {
        if (!(error instanceof StreamStopped)) log.error({ err: error, orgId: scope.orgId }, "organisation export failed while streaming");
        throw error;
      });
    },
    { stallMs },
  );
}

/** `<slug>-export-<yyyy-mm-dd>.json`, dated in the organisation's time zone. */
export function exportFileName(slug: string, timeZone: string, now = new Date()): string {
  return `${slug}-export-${dateInZone(now, timeZone)}.json`;
}
