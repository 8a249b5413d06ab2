import { describe, expect, it } from "vitest";
import { planResults, type PlanContext } from "@/lib/results/plan";
import { parseResultsFile } from "@/lib/results/upload-file";
import { editableValue, formatResultValue, readResultValue } from "@/lib/results/values";

const read = (text: string, unit: "percent" | "currency" | "count" | "number" = "number", commaIsDecimal = false) => {
  const reading = readResultValue(text, unit, { commaIsDecimal });
  return reading.ok ? reading.value : reading.message;
};

describe("reading a value as spreadsheets and people write it", () => {
  it("takes a decimal point or a decimal comma", () => {
    expect(read("12.5")).toBe(12.5);
    expect(read("12,5")).toBe(12.5);
    expect(read(" 0,75 ")).toBe(0.75);
    expect(read(".5")).toBe(0.5);
    expect(read("7")).toBe(7);
  });

  it("takes thousands separators: the last separator is the decimal one when both appear", () => {
    expect(read("1,234.5")).toBe(1234.5);
    expect(read("1.234,5")).toBe(1234.5);
    expect(read("12,345,678")).toBe(12345678);
    expect(read("1.234.567")).toBe(1234567);
    expect(read("1 234 567,25")).toBe(1234567.25);
    expect(read("1\u00A0234")).toBe(1234); // the no-break space French spreadsheets write
    expect(read("1\u202F234,5")).toBe(1234.5);
    expect(read("1'234.5")).toBe(1234.5);
  });

  it("reads a lone comma before three digits as thousands, except in a ';' file, where it is a decimal comma", () => {
    expect(read("1,234")).toBe(1234);
    expect(read("1,234", "number", true)).toBe(1.234);
    expect(read("12,5", "number", true)).toBe(12.5);
  });

  it("takes 85% for a percent measure only, and currency marks for a currency measure", () => {
    expect(read("85%", "percent")).toBe(85);
    expect(read("85 %", "percent")).toBe(85);
    expect(read("87,5%", "percent")).toBe(87.5);
    expect(read("85%", "number")).toBe("“85%” is a percentage, but this measure is not in percent.");
    expect(read("$1,200", "currency")).toBe(1200);
    expect(read("1.200 €", "currency")).toBe(1200);
    expect(read("EUR 1200,50", "currency")).toBe(1200.5);
    expect(read("$1,200", "number")).toBe("“$1,200” is not a number.");
    expect(read("1,234", "currency", true)).toBe(1234); // an amount has no three decimals, even in a ";" file
  });

  it("reads negatives: a minus sign (also the typographic one) and an accountant's parentheses", () => {
    expect(read("-3.5")).toBe(-3.5);
    expect(read("−3,5")).toBe(-3.5);
    expect(read("(1,200)")).toBe(-1200);
    expect(read("+4")).toBe(4);
    expect(Object.is(read("-0"), 0)).toBe(true);
  });

  it("refuses what is not one number, with the text quoted", () => {
    expect(read("")).toBe("The value is empty.");
    expect(read("lots")).toBe("“lots” is not a number.");
    expect(read("1.2.3,4,5")).toBe("“1.2.3,4,5” is not a number.");
    expect(read("1,2,3")).toBe("“1,2,3” is not a number.");
    expect(read("12.5.6")).toBe("“12.5.6” is not a number.");
    expect(read("1e5")).toBe("“1e5” is not a number.");
    expect(read("Infinity")).toBe("“Infinity” is not a number.");
    expect(read("NaN")).toBe("“NaN” is not a number.");
    expect(read("0x10")).toBe("“0x10” is not a number.");
    expect(read("1".repeat(20))).toBe(`“${"1".repeat(20)}” is too large.`);
  });

  it("shows values by unit, and for editing without grouping", () => {
    expect(formatResultValue(87.5, { unit: "percent", currencyCode: null })).toBe("87.5%");
    expect(formatResultValue(1200, { unit: "currency", currencyCode: "EUR" })).toBe("€1,200.00");
    expect(formatResultValue(1234567, { unit: "count", currencyCode: null })).toBe("1,234,567");
    expect(editableValue(1234567.5)).toBe("1234567.5");
    expect(editableValue(0.1 + 0.2)).toBe("0.3");
  });
});

describe("the results file", () => {
  it("reads a byte-order mark, ';' separators, quoted fields with separators and quotes in them, columns in any order", () => {
    const parsed = parseResultsFile(
      '\uFEFFValue;"Rep e-mail";KPI;Comment\r\n"87,5%";a@x.test;"Quota; Q1";"He said ""yes"""\r\n\r\n12;b@x.test;Revenue;\r\n',
    );
    expect(parsed).toEqual({
      ok: true,
      sheet: {
        rows: [
          { row: 2, email: "a@x.test", measure: "Quota; Q1", value: "87,5%" },
          { row: 4, email: "b@x.test", measure: "Revenue", value: "12" },
        ],
        delimiter: ";",
        ignoredColumns: ["Comment"],
      },
    });
  });

  it("reads ',' and tab separated files, and takes a neutralised cell back", () => {
    expect(parseResultsFile('email,measure,value\na@x.test,Revenue,"1,234.5"\n')).toMatchObject({
      ok: true,
      sheet: { delimiter: ",", rows: [{ value: "1,234.5" }] },
    });
    expect(parseResultsFile("email\tmeasure\tvalue\na@x.test\tRevenue\t'-5\n")).toMatchObject({
      ok: true,
      sheet: { delimiter: "\t", rows: [{ value: "-5" }] },
    });
  });

  it("refuses a file without the three columns, an empty one and one without rows, saying what to do", () => {
    expect(parseResultsFile("email;value\na;1")).toEqual({
      ok: false,
      message:
        "The first row must name the columns rep email, measure and value (measure is missing). It reads: email, value. Download the template to start from.",
    });
    expect(parseResultsFile("")).toMatchObject({ ok: false, message: "This file is empty. Download the template, fill it in and upload it." });
    expect(parseResultsFile("email;measure;value\n")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This file has a header but no results under it/),
    });
    expect(parseResultsFile("email;measure;value;Email\n")).toMatchObject({
      ok: false,
      message: "The column “email” appears twice in the first row. Keep one.",
    });
  });
});

describe("planning a batch of results", () => {
  const people = [
    { userId: "u1", email: "ana@x.test", name: "Ana", role: "rep", status: "active", teamId: "east" },
    { userId: "u2", email: "ben@x.test", name: "Ben", role: "rep", status: "active", teamId: "west" },
    { userId: "u3", email: "dee@x.test", name: "Dee", role: "rep", status: "deactivated", teamId: "east" },
  ];
  const measures = [
    { id: "0b0e0c2a-0000-4000-8000-000000000001", name: "Quota attainment", unit: "percent" as const, currencyCode: null, archivedAt: null },
    { id: "0b0e0c2a-0000-4000-8000-000000000002", name: "Revenue", unit: "currency" as const, currencyCode: "EUR", archivedAt: null },
  ];
  const ctx: PlanContext = { people, measures, existing: [{ repUserId: "u1", measureId: measures[0]!.id, value: 90 }], teamIds: undefined };

  it("says per row what happens: new, changed (with the old value), unchanged; writes only new and changed", () => {
    const plan = planResults(
      [
        { row: 2, email: "ANA@x.test", measure: "quota attainment", value: "90%" },
        { row: 3, email: "ana@x.test", measure: measures[1]!.id, value: "1.200,50" },
        { row: 4, email: "ben@x.test", measure: "Quota attainment", value: 75 },
      ],
      { ...ctx, existing: [...ctx.existing, { repUserId: "u2", measureId: measures[0]!.id, value: 70 }], commaIsDecimal: true },
    );
    expect(plan.rows.map((r) => [r.row, r.status, r.value, r.note])).toEqual([
      [2, "unchanged", 90, "Already this value."],
      [3, "new", 1200.5, "New value."],
      [4, "changed", 75, "Was 70."],
    ]);
    expect(plan.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 0 });
    expect(plan.writes).toEqual([
      { repUserId: "u1", measureId: measures[1]!.id, value: 1200.5 },
      { repUserId: "u2", measureId: measures[0]!.id, value: 75 },
    ]);
  });

  it("writes nothing when any row has an error, and marks rows of reps the writer may not write", () => {
    const plan = planResults(
      [
        { row: 2, email: "ana@x.test", measure: "Revenue", value: "10" },
        { row: 3, email: "ben@x.test", measure: "Revenue", value: "10" },
        { row: 4, email: "dee@x.test", measure: "Revenue", value: "10" },
        { row: 5, email: "", measure: "Revenue", value: "10" },
        { row: 6, email: "ana@x.test", measure: "", value: "10" },
        { row: 7, email: "ana@x.test", measure: "Quota attainment", value: Number.NaN },
      ],
      { ...ctx, teamIds: ["east"] },
    );
    expect(plan.rows.map((r) => [r.status, r.note, r.notAllowed ?? false])).toEqual([
      ["new", "New value.", false],
      ["error", "Ben is not in a team you lead.", true],
      ["error", "Dee is deactivated.", false],
      ["error", "The rep email is empty.", false],
      ["error", "The measure is empty.", false],
      ["error", "The value is not a finite number.", false],
    ]);
    expect(plan.writes).toEqual([]);
  });

  it("marks every row of a rep and measure given twice, naming the other rows", () => {
    const plan = planResults(
      [
        { row: 2, email: "ana@x.test", measure: "Revenue", value: "10" },
        { row: 3, email: "ben@x.test", measure: "Revenue", value: "10" },
        { row: 4, email: "ANA@x.test", measure: "revenue", value: "11" },
        { row: 5, email: "ana@x.test", measure: measures[1]!.id, value: "10" },
      ],
      ctx,
    );
    expect(plan.rows.map((r) => r.note)).toEqual([
      "Ana’s Revenue is also in rows 4, 5: keep one.",
      "New value.",
      "Ana’s Revenue is also in rows 2, 5: keep one.",
      "Ana’s Revenue is also in rows 2, 4: keep one.",
    ]);
    expect(plan.counts.error).toBe(3);
  });
});
