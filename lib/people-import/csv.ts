import Papa from "papaparse";

/**
 * A cell a spreadsheet would run as a formula when it opens the file (=HYPERLINK(...), +, -, @, or a tab or carriage
 * return first): every CSV the app writes prefixes it with an apostrophe, so it shows as text. The import takes
 * such an apostrophe off again (`unneutralised`), so an exported file imports as it was.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Rows as CSV for a spreadsheet: a byte-order mark (Excel then reads UTF-8, so names in any script survive), commas,
 * CRLF line ends, fields quoted where needed, formula cells neutralised.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(rows.map((row) => row.map(neutralised)), { newline: "\r\n", escapeFormulae: false })}\r\n`;
}
