import { unneutralised } from "@/lib/csv";
import { readCsvTable, showCells } from "@/lib/csv-read";
import { BINARY_MESSAGE, formatBytes } from "@/lib/people-import/format";

/**
 * The results file: one row per rep and measure, the columns rep email, measure and value (any order, any case, other
 * columns ignored), read like every import (lib/csv-read.ts): byte-order mark, "," ";" or tab, quoted fields.
 */
const RESULT_COLUMNS = ["email", "measure", "value"] as const;
type ResultColumn = (typeof RESULT_COLUMNS)[number];

const COLUMN_ALIASES: Record<string, ResultColumn> = {
  email: "email",
  emailaddress: "email",
  repemail: "email",
  rep: "email",
  measure: "measure",
  metric: "measure",
  kpi: "measure",
  value: "value",
  result: "value",
};

/** The column a header cell names, if any ("Rep email", "E-mail", "KPI", "Result"). */
function resultColumnOf(header: string): ResultColumn | undefined {
  return COLUMN_ALIASES[header.toLowerCase().replace(/[\s_-]+/g, "")];
}

export const RESULT_FILE_LIMITS = { bytes: 2 * 1024 * 1024, rows: 20_000 } as const;

export const RESULT_TEMPLATE_ROWS: readonly (readonly string[])[] = [
  ["rep email", "measure", "value"],
  ["ben.okafor@example.com", "Quota attainment", "92%"],
  ["ben.okafor@example.com", "Revenue", "48200"],
  ["chen.wei@example.com", "Quota attainment", "104%"],
];

type ResultSheetRow = { row: number; email: string; measure: string; value: string };
export type ResultSheet = {
  rows: ResultSheetRow[];
  /** ";" files come from decimal-comma spreadsheets: a lone comma in a value is then always a decimal comma. */
  delimiter: string;
  ignoredColumns: string[];
};

export function parseResultsFile(text: string): { ok: true; sheet: ResultSheet } | { ok: false; message: string } {
  const read = readCsvTable(text, {
    maxBytes: RESULT_FILE_LIMITS.bytes,
    maxRecords: RESULT_FILE_LIMITS.rows,
    messages: {
      tooLarge: (bytes) =>
        `This file is ${formatBytes(bytes)}: an upload takes at most ${formatBytes(RESULT_FILE_LIMITS.bytes)}. Split it into smaller files.`,
      binary: BINARY_MESSAGE,
      empty: "This file is empty. Download the template, fill it in and upload it.",
      tooManyRecords: `This file has more than ${RESULT_FILE_LIMITS.rows.toLocaleString("en")} rows: an upload takes at most ${RESULT_FILE_LIMITS.rows.toLocaleString("en")}. Split it into smaller files.`,
    },
    headerRefusal,
  });
  if (!read.ok) return read;
  const { header, records, delimiter } = read.table;
  const names = header.map(resultColumnOf);
  const at = Object.fromEntries(RESULT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<ResultColumn, number>;
  const rows = records.map(({ row, cells }) => {
    const cell = (c: ResultColumn) => unneutralised((cells[at[c]] ?? "").trim());
    return { row, email: cell("email"), measure: cell("measure"), value: cell("value") };
  });
  if (rows.length === 0) return { ok: false, message: "This file has a header but no results under it. Add one row per rep and measure." };
  const ignoredColumns = header
    .filter((_, i) => !names[i])
    .map((c) => c.trim())
    .filter(Boolean);
  return { ok: true, sheet: { rows, delimiter, ignoredColumns } };
}

function headerRefusal(header: readonly string[]): string | undefined {
  const names = header.map(resultColumnOf);
  const missing = RESULT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return `The first row must name the columns rep email, measure and value (${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing). It reads: ${showCells(header)}. Download the template to start from.`;
  }
  const twice = RESULT_COLUMNS.find((c) => names.filter((n) => n === c).length > 1);
  return twice ? `The column “${twice}” appears twice in the first row. Keep one.` : undefined;
}
