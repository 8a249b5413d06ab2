import { sql, type SQLWrapper } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeRows } from "@/db/queries/execute";
import { coachSeesSelfSql } from "@/db/queries/rules";
import { coachSeesSelf, type AssessmentState } from "@/lib/assessments/visibility";
import { COACHING_LABELS, DEFAULT_THRESHOLDS, labelOf, queueItem, type Thresholds } from "@/lib/coaching/rules";
import { withTestDatabase } from "../support/database";

/**
 * The SQL rules of db/queries/rules.ts against their TypeScript twins, over every input: each SQL fragment is
 * evaluated by the database over a `values` list of all inputs, and each answer compared with the function's.
 */
const testDb = withTestDatabase();

const SCORES = [1, 2, 3, 4, 5];
/** Integers written into the statement (the values list is generated here, never from input). */
const int = (n: number) => {
  if (!Number.isInteger(n)) throw new Error(`${n} is not an integer`);
  return sql.raw(String(n));
};

/** Every threshold set the settings form and the table's checks allow (gaps 1-4, weakness max < strength min). */
/** The database function `coaching_label` (migration 0019), labelOf's twin in SQL, over SQL expressions. */
function coachingLabel(self: SQLWrapper, leader: SQLWrapper, t: { [K in keyof Thresholds]: SQLWrapper }, offset: SQLWrapper = sql`0`) {
  return sql`coaching_label(${self}, ${leader}, ${offset}, ${t.blindSpotGap}, ${t.hiddenStrengthGap}, ${t.agreedWeaknessMax}, ${t.agreedStrengthMin})`;
}

function everyThresholdSet(): Thresholds[] {
  const sets: Thresholds[] = [];
  for (const blindSpotGap of [1, 2, 3, 4])
    for (const hiddenStrengthGap of [1, 2, 3, 4])
      for (const agreedWeaknessMax of SCORES)
        for (const agreedStrengthMin of SCORES)
          if (agreedWeaknessMax < agreedStrengthMin) sets.push({ blindSpotGap, hiddenStrengthGap, agreedWeaknessMax, agreedStrengthMin });
  return sets;
}

describe("coaching_label, the SQL twin of labelOf", () => {
  const thresholdSets = everyThresholdSet();

  it("gives every (self, leader) pair the label labelOf gives, under every threshold set", async () => {
    // The defaults and the edge sets are among them.
    expect(thresholdSets).toHaveLength(160);
    expect(thresholdSets).toContainEqual(DEFAULT_THRESHOLDS);
    expect(thresholdSets).toContainEqual({ blindSpotGap: 1, hiddenStrengthGap: 1, agreedWeaknessMax: 1, agreedStrengthMin: 2 });
    expect(thresholdSets).toContainEqual({ blindSpotGap: 4, hiddenStrengthGap: 4, agreedWeaknessMax: 4, agreedStrengthMin: 5 });
    const inputs = thresholdSets.flatMap((t) => SCORES.flatMap((self) => SCORES.map((leader) => ({ self, leader, t }))));
    expect(inputs).toHaveLength(160 * 25);

    const values = sql.join(
      inputs.map(
        ({ self, leader, t }, i) =>
          sql`(${int(i)}, ${int(self)}, ${int(leader)}, ${int(t.blindSpotGap)}, ${int(t.hiddenStrengthGap)}, ${int(t.agreedWeaknessMax)}, ${int(t.agreedStrengthMin)})`,
      ),
      sql`, `,
    );
    // smallint, as the scores and the thresholds are in their tables.
    const label = coachingLabel(sql`v.self::smallint`, sql`v.leader::smallint`, {
      blindSpotGap: sql`v.blind_spot_gap::smallint`,
      hiddenStrengthGap: sql`v.hidden_strength_gap::smallint`,
      agreedWeaknessMax: sql`v.agreed_weakness_max::smallint`,
      agreedStrengthMin: sql`v.agreed_strength_min::smallint`,
    });
    const rows = await executeRows<{ i: number; label: string | null }>(
      testDb(),
      sql`select v.i, ${label} as label
        from (values ${values}) as v(i, self, leader, blind_spot_gap, hidden_strength_gap, agreed_weakness_max, agreed_strength_min)
        order by v.i`,
    );

    expect(rows).toHaveLength(inputs.length);
    const differences = rows.flatMap((row) => {
      const { self, leader, t } = inputs[Number(row.i)]!;
      const expected = labelOf(self, leader, t);
      return row.label === expected ? [] : [{ self, leader, t, sql: row.label, typescript: expected }];
    });
    expect(differences).toEqual([]);
    // Every label occurs, so no branch of either side goes untested.
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set(COACHING_LABELS));
  });

  it("gives no label without a self score, as queueItem does for a hidden or absent one, nor without a leader score", async () => {
    const t = DEFAULT_THRESHOLDS;
    const inputs = [
      ...SCORES.map((leader) => ({ self: null, leader })),
      ...SCORES.map((self) => ({ self, leader: null })),
      { self: null, leader: null },
    ];
    const score = (n: number | null) => (n === null ? sql`null::smallint` : sql`${int(n)}::smallint`);
    const values = sql.join(
      inputs.map(({ self, leader }, i) => sql`(${int(i)}, ${score(self)}, ${score(leader)})`),
      sql`, `,
    );
    const thresholds = {
      blindSpotGap: int(t.blindSpotGap),
      hiddenStrengthGap: int(t.hiddenStrengthGap),
      agreedWeaknessMax: int(t.agreedWeaknessMax),
      agreedStrengthMin: int(t.agreedStrengthMin),
    };
    const rows = await executeRows<{ i: number; label: string | null }>(
      testDb(),
      sql`select v.i, ${coachingLabel(sql`v.self`, sql`v.leader`, thresholds)} as label from (values ${values}) as v(i, self, leader) order by v.i`,
    );

    expect(rows).toHaveLength(inputs.length);
    const expected = inputs.map(({ self, leader }) =>
      // A queue item always has a leader score; without one there is nothing to label.
      leader === null ? null : queueItem({ behaviourId: "b", name: "B", position: 0, leader, self, selfComment: null }, t).label,
    );
    expect(expected).toEqual(inputs.map(() => null));
    expect(rows.map((r) => r.label)).toEqual(expected);
  });
});

describe("coaching_label with an offset (relative gaps), against labelOf with the same offset", () => {
  it("labels every (self, leader) pair alike for tendencies the way a mean of integer gaps gives them", async () => {
    // Means of self-minus-leader gaps over 3 to 12 behaviours: n/3, n/4, ... and the integers, from -4 to 4.
    const offsets = [...new Set([3, 4, 5, 7, 12].flatMap((count) => Array.from({ length: 8 * count + 1 }, (_, k) => (k - 4 * count) / count)))];
    const thresholdSets = [DEFAULT_THRESHOLDS, { blindSpotGap: 1, hiddenStrengthGap: 3, agreedWeaknessMax: 1, agreedStrengthMin: 5 }];
    const inputs = thresholdSets.flatMap((t, ti) =>
      offsets.flatMap((offset) => SCORES.flatMap((self) => SCORES.map((leader) => ({ self, leader, offset, t, ti })))),
    );
    // The offset goes in as the exact fraction a SQL avg() gives, numerator over count.
    const fraction = (offset: number) => {
      const count = [1, 3, 4, 5, 7, 12].find((c) => Number.isInteger(Math.round(offset * c * 1e9) / 1e9))!;
      return sql`(${int(Math.round(offset * count))}::numeric / ${int(count)})`;
    };
    const values = sql.join(
      inputs.map(
        ({ self, leader, offset, ti }, i) => sql`(${int(i)}, ${int(self)}::smallint, ${int(leader)}::smallint, ${fraction(offset)}, ${int(ti)})`,
      ),
      sql`, `,
    );
    const t = (key: keyof Thresholds) => sql.raw(`(case v.ti ${thresholdSets.map((set, i) => `when ${i} then ${set[key]}`).join(" ")} end)`);
    const label = coachingLabel(
      sql`v.self`,
      sql`v.leader`,
      {
        blindSpotGap: t("blindSpotGap"),
        hiddenStrengthGap: t("hiddenStrengthGap"),
        agreedWeaknessMax: t("agreedWeaknessMax"),
        agreedStrengthMin: t("agreedStrengthMin"),
      },
      sql`v.offset`,
    );
    const rows = await executeRows<{ i: number; label: string | null }>(
      testDb(),
      sql`select v.i, ${label} as label from (values ${values}) as v(i, self, leader, "offset", ti) order by v.i`,
    );

    expect(rows).toHaveLength(inputs.length);
    const differences = rows.flatMap((row) => {
      const { self, leader, offset, t } = inputs[Number(row.i)]!;
      const expected = labelOf(self, leader, t, offset);
      return row.label === expected ? [] : [{ self, leader, offset, sql: row.label, typescript: expected }];
    });
    expect(differences).toEqual([]);
    // An offset moves labels: the same pair is a blind spot at offset 0 and not at offset 2.
    expect(labelOf(4, 2, DEFAULT_THRESHOLDS, 0)).toBe("blind_spot");
    expect(labelOf(4, 2, DEFAULT_THRESHOLDS, 2)).not.toBe("blind_spot");
  });
});

describe("coachSeesSelfSql, the SQL twin of coachSeesSelf", () => {
  const at = new Date("2025-03-01T09:00:00Z");
  /** Every state of a rep's self-assessment in a cycle: none, then submitted or not x shared or not. */
  const states: { name: string; state: AssessmentState }[] = [
    { name: "not started (no assessment)", state: null },
    { name: "draft", state: { submittedAt: null, sharedAt: null } },
    { name: "submitted", state: { submittedAt: at, sharedAt: null } },
    { name: "submitted and shared", state: { submittedAt: at, sharedAt: at } },
    { name: "shared without submitting (closed cycle)", state: { submittedAt: null, sharedAt: at } },
  ];
  const stamp = (d: Date | null | undefined) => (d ? sql`${sql.raw(`'${d.toISOString()}'`)}::timestamptz` : sql`null::timestamptz`);

  it.each([true, false])("answers as coachSeesSelf in every assessment state, blind mode %s", async (blindMode) => {
    // What a query has at hand: the assessment's submitted_at and shared_at, both null without an assessment.
    const values = sql.join(
      states.map(({ state }, i) => sql`(${int(i)}, ${stamp(state?.submittedAt)}, ${stamp(state?.sharedAt)})`),
      sql`, `,
    );
    const rows = await executeRows<{ i: number; sees: boolean }>(
      testDb(),
      sql`select v.i, ${coachSeesSelfSql(blindMode, sql`v.submitted_at`)} as sees
        from (values ${values}) as v(i, submitted_at, shared_at) order by v.i`,
    );

    expect(rows).toHaveLength(states.length);
    const answers = rows.map((row) => ({ state: states[Number(row.i)]!.name, sees: row.sees }));
    expect(answers).toEqual(states.map(({ name, state }) => ({ state: name, sees: coachSeesSelf(blindMode, state) })));
    // Both answers occur with blind mode on, only "sees" with it off: the comparison is not between constants.
    expect(new Set(answers.map((a) => a.sees))).toEqual(new Set(blindMode ? [true, false] : [true]));
  });
});
