/**
 * The people file: one row per person, the columns an import reads and an export writes. Headers are matched
 * case-insensitively; other columns are ignored (an export's status and last sign-in, a spreadsheet's own).
 */
export const IMPORT_COLUMNS = ["name", "email", "role", "team"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Header cells other spreadsheets use for the same columns, compared without case, spaces, hyphens or underscores. */
const COLUMN_ALIASES: Record<string, ImportColumn> = {
  name: "name",
  fullname: "name",
  email: "email",
  emailaddress: "email",
  mail: "email",
  role: "role",
  team: "team",
  teams: "team",
};

/** The import column a header cell names, if any ("E-mail" and "Email address" name email). */
export function columnOf(header: string): ImportColumn | undefined {
  return COLUMN_ALIASES[header.toLowerCase().replace(/[\s_-]+/g, "")];
}

/** Without these a file cannot be read at all. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["email", "role"];
/** What an export adds after the import's columns. */
export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, "status", "last sign-in"] as const;

/** A leader's several teams in one cell: "Team East | Team West" (";" and "," separate them too). */
export const TEAM_SEPARATOR = " | ";

export const IMPORT_LIMITS = {
  /** The file as uploaded (or pasted), in bytes of UTF-8. */
  bytes: 2 * 1024 * 1024,
  /** People (rows with anything in them), the header not counted. */
  rows: 5_000,
  columns: 50,
  /** One cell's characters. */
  cell: 500,
} as const;

export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  IMPORT_COLUMNS,
  ["Ana Díaz", "ana.diaz@example.com", "leader", `Team East${TEAM_SEPARATOR}Team West`],
  ["Ben Okafor", "ben.okafor@example.com", "rep", "Team East"],
  ["Chen Wei", "chen.wei@example.com", "rep", "Team West"],
  ["Dana Reyes", "dana.reyes@example.com", "admin", ""],
];

/** The refusal of a file over the size limit. */
export const tooLargeMessage = (bytes: number) =>
  `This file is ${formatBytes(bytes)}: an import takes at most ${formatBytes(IMPORT_LIMITS.bytes)}. Split it into smaller files.`;

export const BINARY_MESSAGE =
  "This is not a CSV text file (it holds binary data). In your spreadsheet, choose Save As or Download → CSV, and upload that.";

/** "1.5 MB", "820 KB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
