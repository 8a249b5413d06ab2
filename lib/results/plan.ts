import { createHash } from "node:crypto";
import type { MeasureUnit } from "@/db/schema/enums";
import { readResultValue } from "./values";

/**
 * What writing a batch of results would do, row by row: the file of an upload and the body of an API call are
 * checked by the same rules. Pure: the caller reads the people, measures and present values first (three statements
 * however many rows) and writes the plan's `writes` in one.
 */
export type IncomingResult = {
  /** The spreadsheet's row number (an upload) or the position in the request's list (the API, from 1). */
  row: number;
  email: string;
  /** A measure's name (any case) or id. */
  measure: string;
  /** As written in a file, or a JSON number. */
  value: string | number;
};

type PlanPerson = { userId: string; email: string; name: string; role: string; status: string; teamId: string | null };
type PlanMeasure = { id: string; name: string; unit: MeasureUnit; currencyCode: string | null; archivedAt: Date | null };
export type PlanContext = {
  people: readonly PlanPerson[];
  measures: readonly PlanMeasure[];
  /** The cycle's present values of the people above. */
  existing: readonly { repUserId: string; measureId: string; value: number }[];
  /** The teams whose reps the writer may write: undefined for all (admins, API tokens). */
  teamIds: readonly string[] | undefined;
  /** The file was `;`-separated: a lone comma in a value is a decimal comma. */
  commaIsDecimal?: boolean;
};

export type PlanStatus = "new" | "changed" | "unchanged" | "error";

export type PlannedResult = {
  row: number;
  email: string;
  measure: string;
  /** As it came. */
  raw: string;
  status: PlanStatus;
  /** The problem (error) or what happens ("was 85"). */
  note: string;
  repName: string | null;
  measureName: string | null;
  value: number | null;
  previous: number | null;
  repUserId: string | null;
  measureId: string | null;
  /** An error because the writer may not write this rep's values (a leader, a rep of another team). */
  notAllowed?: true;
};

export type ResultsPlan = {
  rows: PlannedResult[];
  counts: Record<PlanStatus, number>;
  /** The values to write: new and changed rows, only when no row has an error. */
  writes: { repUserId: string; measureId: string; value: number }[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function planResults(incoming: readonly IncomingResult[], ctx: PlanContext): ResultsPlan {
  const people = new Map(ctx.people.map((p) => [p.email.toLowerCase(), p]));
  const byName = new Map(ctx.measures.map((m) => [m.name.trim().toLowerCase(), m]));
  const byId = new Map(ctx.measures.map((m) => [m.id.toLowerCase(), m]));
  const existing = new Map(ctx.existing.map((r) => [`${r.repUserId}|${r.measureId}`, r.value]));

  const rows = incoming.map((r): PlannedResult => {
    const raw = typeof r.value === "number" ? String(r.value) : r.value;
    const base = {
      row: r.row,
      email: r.email,
      measure: r.measure,
      raw,
      repName: null,
      measureName: null,
      value: null,
      previous: null,
      repUserId: null,
      measureId: null,
    };
    const error = (note: string, extra: Partial<PlannedResult> = {}): PlannedResult => ({ ...base, ...extra, status: "error", note });

    const email = r.email.trim().toLowerCase();
    const person = email ? people.get(email) : undefined;
    const key = r.measure.trim().toLowerCase();
    const measure = key ? ((UUID.test(key) ? byId.get(key) : undefined) ?? byName.get(key)) : undefined;
    const found = { repName: person?.name ?? null, measureName: measure?.name ?? null };

    if (!email) return error("The rep email is empty.", found);
    if (!person) return error(`Nobody with the email ${r.email.trim()} is in this organisation.`, found);
    if (person.role !== "rep") return error(`${person.name} is ${person.role === "admin" ? "an admin" : "a leader"}, not a rep.`, found);
    if (person.status !== "active") return error(`${person.name} is deactivated.`, found);
    if (ctx.teamIds && !(person.teamId && ctx.teamIds.includes(person.teamId)))
      return error(`${person.name} is not in a team you lead.`, { ...found, notAllowed: true });
    if (!key) return error("The measure is empty.", found);
    if (!measure) return error(`There is no measure “${r.measure.trim()}”. Measures: ${activeNames(ctx.measures)}.`, found);
    if (measure.archivedAt) return error(`The measure ${measure.name} is archived: restore it first, or leave this row out.`, found);
    const reading =
      typeof r.value === "number"
        ? Number.isFinite(r.value) && Math.abs(r.value) < 1e15
          ? { ok: true as const, value: r.value }
          : { ok: false as const, message: "The value is not a finite number." }
        : readResultValue(r.value, measure.unit, { commaIsDecimal: ctx.commaIsDecimal });
    if (!reading.ok) return error(reading.message, found);

    const previous = existing.get(`${person.userId}|${measure.id}`) ?? null;
    const status: PlanStatus = previous === null ? "new" : previous === reading.value ? "unchanged" : "changed";
    return {
      ...base,
      ...found,
      repUserId: person.userId,
      measureId: measure.id,
      value: reading.value,
      previous,
      status,
      note: status === "changed" ? `Was ${previous}.` : status === "unchanged" ? "Already this value." : "New value.",
    };
  });

  // The same rep and measure twice: every such row is an error, naming the others.
  const seen = new Map<string, number[]>();
  for (const r of rows) {
    if (r.repUserId && r.measureId) seen.set(`${r.repUserId}|${r.measureId}`, [...(seen.get(`${r.repUserId}|${r.measureId}`) ?? []), r.row]);
  }
  for (const r of rows) {
    const same = r.repUserId && r.measureId ? seen.get(`${r.repUserId}|${r.measureId}`)! : [];
    if (same.length > 1) {
      const others = same.filter((n) => n !== r.row);
      Object.assign(r, {
        status: "error",
        note: `${r.repName}’s ${r.measureName} is also in ${others.length === 1 ? "row" : "rows"} ${others.join(", ")}: keep one.`,
      });
    }
  }

  const counts: Record<PlanStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  const writes =
    counts.error > 0
      ? []
      : rows
          .filter((r) => r.status === "new" || r.status === "changed")
          .map((r) => ({ repUserId: r.repUserId!, measureId: r.measureId!, value: r.value! }));
  return { rows, counts, writes };
}

function activeNames(measures: readonly PlanMeasure[]): string {
  const names = measures.filter((m) => !m.archivedAt).map((m) => m.name);
  return names.length ? names.join(", ") : "none yet (an admin adds them in the results settings)";
}

/** What a confirm would write, as a hash: it refuses when this changed since the preview. */
export function planDigest(plan: ResultsPlan): string {
  return createHash("sha256")
    .update(JSON.stringify(plan.rows.map((r) => [r.row, r.status, r.repUserId, r.measureId, r.value, r.previous])))
    .digest("hex");
}
