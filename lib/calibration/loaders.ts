import "server-only";
import { listRaterFigures } from "@/db/queries/calibration";
import { listRounds } from "@/db/queries/calibration-rounds";
import { listBehaviours } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { memberLoader, type MemberContext } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { toCsv } from "@/lib/csv";
import { fileNameSlug } from "@/lib/slug";
import { calibrationViewSchema } from "@/lib/schemas/calibration";
import { shownCycle } from "@/lib/cycles/order";
import { LENIENCY_GAP, LENIENCY_MIN_RATINGS, shapeRaterFigures, type Figures } from "./rules";
import type { z } from "zod";

/**
 * How each leader rates in a cycle. Admins see every rater; a leader sees only their own figures (the query keeps
 * only their rows), set against the organisation's. Three statements whatever the organisation's size.
 */
async function readCalibration({ db, org, member }: MemberContext, { cycle: chosen }: z.output<typeof calibrationViewSchema>) {
  const [cycles, behaviours] = await Promise.all([listCycles(db, org.id), listBehaviours(db, org.id, { includeArchived: true })]);
  const { rated, cycle, missing } = shownCycle(cycles, chosen);
  if (missing) throw new Refusal("not_found");
  const ownOnly = member.role !== "admin";
  const [rows, rounds] = await Promise.all([
    cycle ? listRaterFigures(db, org.id, cycle.id, ownOnly ? member.userId : undefined) : null,
    listRounds(db, org.id, ownOnly ? member.userId : undefined),
  ]);
  const figures = rows ? shapeRaterFigures(rows, behaviours) : null;
  return {
    slug: org.slug,
    timeZone: org.timeZone,
    ownOnly,
    cycles: rated.map(({ id, name, status }) => ({ id, name, status })),
    cycle: cycle && { id: cycle.id, name: cycle.name },
    /** A calibration round can start (in the open cycle). */
    openCycle: cycles.some((c) => c.status === "open"),
    /** Admins: every calibration round; a leader: those where they rate reps a second time. */
    rounds,
    organisation: figures?.organisation ?? null,
    raters: figures?.raters ?? [],
    rule: { gap: LENIENCY_GAP, minRatings: LENIENCY_MIN_RATINGS },
  };
}

export const loadCalibration = memberLoader(
  {
    route: "/o/[slug]/calibration",
    permission: "calibration.view",
    input: calibrationViewSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  readCalibration,
);

const num = (n: number | null, digits = 2) => (n === null ? null : Number(n.toFixed(digits)));
const figureCells = (f: Figures) => [f.count, num(f.mean), num(f.sd), ...f.distribution, num(f.vsOrganisation), num(f.vsOthers), f.tendency ?? ""];

/** The page's figures as a CSV, the same numbers row for row: each rater overall, then per behaviour. */
export const loadCalibrationCsv = memberLoader(
  {
    route: "/o/[slug]/calibration/export",
    permission: "calibration.view",
    input: calibrationViewSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async (ctx, input) => {
    const page = await readCalibration(ctx, input);
    if (!page.cycle) throw new Refusal("not_found");
    const header = [
      "Rater",
      "Behaviour",
      "Ratings",
      "Mean",
      "Standard deviation",
      "Ones",
      "Twos",
      "Threes",
      "Fours",
      "Fives",
      "Versus organisation",
      "Versus other leaders",
      "Rates",
    ];
    const rows = page.raters.flatMap((r) => [
      [r.name, "All behaviours", ...figureCells(r.overall)],
      ...r.behaviours.map((b) => [r.name, b.name, ...figureCells(b)]),
    ]);
    return { fileName: `${page.slug}-${fileNameSlug(page.cycle.name, "cycle")}-calibration.csv`, csv: toCsv([header, ...rows]) };
  },
);

export type CalibrationPage = Awaited<ReturnType<typeof loadCalibration>>;
