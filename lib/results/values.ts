import type { MeasureUnit } from "@/db/schema/enums";

export type { MeasureUnit };

/**
 * A result as a person or a spreadsheet writes it, read into a number. Pure, so every case is unit-tested.
 *
 * - Decimal point or decimal comma: "12.5" and "12,5". When both appear, the last one is the decimal separator and the
 *   other groups thousands ("1,234.5", "1.234,5"). A lone comma is a decimal comma ("12,5", as a `;`-separated file
 *   from a decimal-comma spreadsheet writes it) unless it groups thousands exactly ("1,234", "12,345,678"), as an
 *   English spreadsheet quotes it in a `,`-separated file; in a `;`-separated file (`commaIsDecimal`) one comma is
 *   always decimal ("1,234" is 1.234); several dots group thousands ("1.234.567"). A currency amount never has three
 *   decimals, so there one separator before exactly three digits groups thousands ("1.200 €", "$1,200").
 * - Thousands grouped by spaces (also the no-break spaces spreadsheets write) or apostrophes: "1 234 567", "1'234".
 * - A percent measure takes "85%" and "85" alike (percent points); other measures refuse a "%".
 * - A currency measure takes its symbol or code around the number ("$1,200", "1.200 €", "EUR 1200").
 * - A minus sign, an accountant's "(1,200)" for a negative, and a leading "+" are read.
 */
export type ValueReading = { ok: true; value: number } | { ok: false; message: string };

const CURRENCY_MARK = /^(?:[$€£¥₹]|[A-Z]{3})\s*|\s*(?:[$€£¥₹]|[A-Z]{3})$/g;
const GROUPING_SPACES = /[\s\u00A0\u202F']/g;

export function readResultValue(raw: string, unit: MeasureUnit, { commaIsDecimal = false }: { commaIsDecimal?: boolean } = {}): ValueReading {
  const notNumber: ValueReading = { ok: false, message: `“${short(raw)}” is not a number.` };
  let text = raw.trim();
  if (text === "") return { ok: false, message: "The value is empty." };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.endsWith("%")) {
    if (unit !== "percent") return { ok: false, message: `“${short(raw)}” is a percentage, but this measure is not in percent.` };
    text = text.slice(0, -1).trim();
  }
  if (unit === "currency") text = text.replace(CURRENCY_MARK, "").trim();
  if (/^[-−+]/.test(text)) {
    negative = negative !== /^[-−]/.test(text);
    text = text.slice(1).trim();
  }
  text = text.replace(GROUPING_SPACES, "");
  if (!/^[0-9][0-9.,]*$|^[.,][0-9]+$/.test(text)) return notNumber;

  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const [whole, fraction, ...more] = text.split(decimal);
    if (more.length > 0 || !groupedThousands(whole!, group)) return notNumber;
    normal = `${whole!.replaceAll(group, "")}.${fraction}`;
  } else if (lastComma >= 0) {
    const commas = text.split(",").length - 1;
    const thousands = groupedThousands(text, ",") && (!commaIsDecimal || unit === "currency");
    if (commas === 1 && !thousands) normal = text.replace(",", ".");
    else if (groupedThousands(text, ",")) normal = text.replaceAll(",", "");
    else return notNumber;
  } else if (lastDot >= 0) {
    const dots = text.split(".").length - 1;
    if (dots === 1 && !(unit === "currency" && groupedThousands(text, "."))) normal = text;
    else if (groupedThousands(text, ".")) normal = text.replaceAll(".", "");
    else return notNumber;
  } else {
    normal = text;
  }
  const value = Number(normal);
  if (!Number.isFinite(value)) return notNumber;
  if (Math.abs(value) >= 1e15) return { ok: false, message: `“${short(raw)}” is too large.` };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** "1,234" and "12,345,678" group thousands with ","; "1,2345" and "12,5" do not. */
function groupedThousands(text: string, group: string): boolean {
  const parts = text.split(group);
  return parts.length > 1 && /^[0-9]{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^[0-9]{3}$/.test(p));
}

const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** A value as the pages show it: "85%", "€1,200", "12.5", "1,240". */
export function formatResultValue(value: number, measure: { unit: MeasureUnit; currencyCode: string | null }): string {
  switch (measure.unit) {
    case "percent":
      return `${value.toLocaleString("en", { maximumFractionDigits: 2 })}%`;
    case "currency":
      return value.toLocaleString("en", { style: "currency", currency: measure.currencyCode ?? "USD", maximumFractionDigits: 2 });
    default:
      return value.toLocaleString("en", { maximumFractionDigits: 4 });
  }
}

/** A value as an input shows it for editing: plain digits and a decimal point, no grouping ("1200.5"). */
export function editableValue(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** The unit in words, for labels: "percent", "EUR", "count", "number". */
export function unitLabel(measure: { unit: MeasureUnit; currencyCode: string | null }): string {
  return measure.unit === "currency" ? (measure.currencyCode ?? "currency") : measure.unit;
}
