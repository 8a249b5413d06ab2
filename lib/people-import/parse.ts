import { unneutralised } from "@/lib/csv";
import { readCsvTable, showCells } from "@/lib/csv-read";
import { IMPORT_COLUMNS, IMPORT_LIMITS, REQUIRED_COLUMNS, BINARY_MESSAGE, columnOf, tooLargeMessage, type ImportColumn } from "./format";

/**
 * One person as the file has them: cells trimmed, the spreadsheet's row number (the header is row 1), and the status
 * an export wrote ("deactivated" says the file means them to stay so), if the file has that column.
 */
export type SheetRow = { row: number; status: string } & Record<ImportColumn, string>;

export type ParsedSheet = {
  rows: SheetRow[];
  /** The separator found: ",", ";" or a tab (a paste from a spreadsheet). */
  delimiter: string;
  /** Header cells that are not import columns, ignored (an export's status, a spreadsheet's own columns). */
  ignoredColumns: string[];
};

export type ParseResult = { ok: true; sheet: ParsedSheet } | { ok: false; message: string };

const fail = (message: string): ParseResult => ({ ok: false, message });

/**
 * Reads a people file, as Excel, Numbers and Google Sheets export it or as pasted from one (lib/csv-read.ts): a
 * byte-order mark, "," or ";" or tab separators, quoted fields, names in any script. Refuses, with a message a person
 * can act on, what is not such a file: too large, binary, no header naming the columns, too many columns or rows.
 */
export function parsePeopleFile(text: string): ParseResult {
  const read = readCsvTable(text, {
    maxBytes: IMPORT_LIMITS.bytes,
    maxRecords: IMPORT_LIMITS.rows,
    messages: {
      tooLarge: tooLargeMessage,
      binary: BINARY_MESSAGE,
      empty: "This file is empty. Download the template, fill it in and upload it.",
      tooManyRecords: `This file has more than ${IMPORT_LIMITS.rows.toLocaleString("en")} people: an import takes at most ${IMPORT_LIMITS.rows.toLocaleString("en")}. Split it into smaller files.`,
    },
    headerRefusal,
  });
  if (!read.ok) return fail(read.message);
  const { header, records, delimiter: found } = read.table;
  const names = header.map(columnOf);
  const statusAt = header.findIndex((cell) => cell.trim().toLowerCase() === "status");
  const index = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<ImportColumn, number>;
  const rows = records.map(({ row, cells }): SheetRow => {
    const cell = (column: ImportColumn) => (index[column] >= 0 ? unneutralised((cells[index[column]] ?? "").trim()) : "");
    return {
      row,
      name: cell("name"),
      email: cell("email"),
      role: cell("role"),
      team: cell("team"),
      status: statusAt >= 0 ? (cells[statusAt] ?? "").trim() : "",
    };
  });
  if (rows.length === 0) return fail("This file has a header but nobody in it. Add one row per person under the header.");
  const ignoredColumns = header
    .filter((_, i) => !names[i] && i !== statusAt)
    .map((c) => c.trim())
    .filter(Boolean);
  return { ok: true, sheet: { rows, delimiter: found, ignoredColumns } };
}

/** Why the first row cannot be the header of a people file, if it cannot. */
function headerRefusal(header: readonly string[]): string | undefined {
  if (header.length > IMPORT_LIMITS.columns) {
    return `This file has ${header.length.toLocaleString("en")} columns: an import reads at most ${IMPORT_LIMITS.columns}. Keep the columns ${IMPORT_COLUMNS.join(", ")}.`;
  }
  const names = header.map(columnOf);
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return (
      `The first row must name the columns: ${IMPORT_COLUMNS.join(", ")} (${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing). ` +
      `It reads: ${showCells(header)}. Download the template to start from.`
    );
  }
  const duplicate = IMPORT_COLUMNS.find((column) => names.filter((n) => n === column).length > 1);
  return duplicate ? `The column “${duplicate}” appears twice in the first row. Keep one.` : undefined;
}
