import Papa from "papaparse";

/**
 * Reads a CSV as spreadsheets export it (Excel, Numbers, Google Sheets) or as pasted from one, for every import (people,
 * results): a byte-order mark, "," or ";" or tab separators (found from the file; Excel's "sep=;" first line is
 * honoured), quoted fields with separators, quotes and line breaks in them. Refuses, with the caller's messages, what
 * is not such a file: too large, binary, empty, a header the caller refuses, too many rows.
 */
type CsvRecord = { row: number; cells: string[] };
export type CsvTable = { header: string[]; records: CsvRecord[]; delimiter: string };

export type CsvReadRules = {
  maxBytes: number;
  maxRecords: number;
  messages: { tooLarge: (bytes: number) => string; binary: string; empty: string; tooManyRecords: string };
  /** Why the first row cannot be this file's header, if it cannot. */
  headerRefusal: (header: readonly string[]) => string | undefined;
};

/** Control characters that never appear in a text file (tab, line ends and the byte-order mark aside). */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

const byteLength = (text: string) => new TextEncoder().encode(text).length;

export function readCsvTable(text: string, rules: CsvReadRules): { ok: true; table: CsvTable } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const bytes = byteLength(text);
  if (bytes > rules.maxBytes) return fail(rules.messages.tooLarge(bytes));
  let body = text.replace(/^\uFEFF/, "");
  if (BINARY.test(body)) return fail(rules.messages.binary);
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  if (body.trim() === "") return fail(rules.messages.empty);

  // Record by record, so a file of blank lines or of more rows than allowed is never held whole. The spreadsheet's
  // row numbers count every record, blank ones too (a quoted cell with line breaks in it is still one row).
  let header: string[] | undefined;
  let rowNumber = 0;
  let refusal: string | undefined;
  let found = delimiter ?? ",";
  const records: CsvRecord[] = [];
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
        refusal = rules.headerRefusal(cells);
        if (refusal) parser.abort();
        return;
      }
      if (records.length >= rules.maxRecords) {
        refusal = rules.messages.tooManyRecords;
        parser.abort();
        return;
      }
      records.push({ row: rowNumber, cells });
    },
  });
  if (refusal) return fail(refusal);
  if (!header) return fail(rules.messages.empty);
  return { ok: true, table: { header, records, delimiter: found } };
}

/** The first cells of a row, shortened, to quote in a message. */
export function showCells(cells: readonly string[]): string {
  return cells
    .slice(0, 4)
    .map((c) => (c.length > 30 ? `${c.slice(0, 30)}…` : c))
    .join(", ");
}
