import Papa from "papaparse";

/**
 * CSV for spreadsheets, as every file the app writes is made (the grid, the people export, the template, the rows to
 * fix, the invite links) and as the people import reads its cells back.
 *
 * A cell a spreadsheet would run as a formula when it opens the file (=HYPERLINK(...), +, -, @, or a tab or carriage
 * return first) is written with an apostrophe in front, so it shows as text; numbers are written as they are (a gap
 * of minus one is -1). The import takes such an apostrophe off again (`unneutralised`), so an exported file imports
 * as it was.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

/** Whether a text starts like a spreadsheet formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function neutralised(cell: string): string {
  return startsLikeFormula(cell) ? `'${cell}` : cell;
}

export function unneutralised(cell: string): string {
  return cell.startsWith("'") && startsLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Rows as CSV lines: commas, CRLF line ends (the last line too), fields quoted where needed, text cells neutralised,
 * numbers as they are, empty cells for null.
 */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutralised(cell) : cell)));
  return `${Papa.unparse(cells, { newline: "\r\n", escapeFormulae: false })}\r\n`;
}

/** Rows as a CSV file for a spreadsheet: a byte-order mark first (Excel then reads UTF-8, so names in any script survive). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${csvLines(rows)}`;
}
