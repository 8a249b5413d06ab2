import Papa from "papaparse";
import { unneutralised } from "@/lib/csv";
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

/** Control characters that never appear in a text file (tab, line ends and the byte-order mark aside). */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

const byteLength = (text: string) => new TextEncoder().encode(text).length;
const show = (cells: readonly string[]) =>
  cells
    .slice(0, 4)
    .map((c) => (c.length > 30 ? `${c.slice(0, 30)}…` : c))
    .join(", ");

/**
 * Reads a people file, as Excel, Numbers and Google Sheets export it or as pasted from one: a byte-order mark, ","
 * or ";" or tab separators (found from the file; Excel's "sep=;" first line is honoured), quoted fields with
 * separators, quotes and line breaks in them, names in any script. Refuses, with a message a person can act on, what
 * is not such a file: too large, binary, no header naming the columns, too many columns or rows.
 */
export function parsePeopleFile(text: string): ParseResult {
  const bytes = byteLength(text);
  if (bytes > IMPORT_LIMITS.bytes) {
    return fail(tooLargeMessage(bytes));
  }
  let body = text.replace(/^\uFEFF/, "");
  if (BINARY.test(body)) {
    return fail(BINARY_MESSAGE);
  }
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  if (body.trim() === "") return fail("This file is empty. Download the template, fill it in and upload it.");

  // Record by record, so a file of blank lines or of more people than allowed is never held whole. The spreadsheet's
  // row numbers count every record, blank ones too (a quoted cell with line breaks in it is still one row).
  let header: string[] | undefined;
  let rowNumber = 0;
  let people = 0;
  let refusal: string | undefined;
  let found = delimiter ?? ",";
  const records: { row: number; cells: string[] }[] = [];
  Papa.parse<string[]>(body, {
    delimiter: delimiter ?? "",
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
    header: false,
    step: (result, parser) => {
      rowNumber += 1;
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === "")) return;
      if (!header) {
        header = cells;
        found = result.meta.delimiter;
        refusal = headerRefusal(cells);
        if (refusal) parser.abort();
        return;
      }
      people += 1;
      if (people > IMPORT_LIMITS.rows) {
        refusal = `This file has more than ${IMPORT_LIMITS.rows.toLocaleString("en")} people: an import takes at most ${IMPORT_LIMITS.rows.toLocaleString("en")}. Split it into smaller files.`;
        parser.abort();
        return;
      }
      records.push({ row: rowNumber, cells });
    },
  });
  if (refusal) return fail(refusal);
  if (!header) return fail("This file is empty. Download the template, fill it in and upload it.");
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
      `It reads: ${show(header)}. Download the template to start from.`
    );
  }
  const duplicate = IMPORT_COLUMNS.find((column) => names.filter((n) => n === column).length > 1);
  return duplicate ? `The column “${duplicate}” appears twice in the first row. Keep one.` : undefined;
}
