import { describe, expect, it } from "vitest";
import { neutralised, toCsv, unneutralised } from "@/lib/csv";
import { decodeFile } from "@/lib/people-import/decode";
import { TEMPLATE_ROWS } from "@/lib/people-import/format";
import { parsePeopleFile } from "@/lib/people-import/parse";
import { teamsOfCell } from "@/lib/people-import/plan";

const rowsOf = (text: string) => {
  const parsed = parsePeopleFile(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.sheet;
};

describe("people files: reading", () => {
  it("finds the separator: comma, semicolon, a tab (pasted cells) or Excel's sep= line", () => {
    const want = [{ row: 2, name: "Ana", email: "ana@x.test", role: "rep", team: "East", status: "" }];
    expect(rowsOf("name,email,role,team\nAna,ana@x.test,rep,East\n").rows).toEqual(want);
    expect(rowsOf("name;email;role;team\r\nAna;ana@x.test;rep;East\r\n").rows).toEqual(want);
    expect(rowsOf("name\temail\trole\tteam\nAna\tana@x.test\trep\tEast").rows).toEqual(want);
    expect(rowsOf("sep=;\nname;email;role;team\nAna;ana@x.test;rep;East\n").rows).toEqual([{ ...want[0], row: 2 }]);
  });

  it("counts rows as a spreadsheet does: blank rows skipped but counted, a quoted cell with line breaks one row", () => {
    const sheet = rowsOf(
      '\uFEFFEmail;ROLE;Full name;Team;Status;Notes\n\n"a@x.test";rep;"Line one\nline two";"East; West";active;x\n;;;;;\nb@x.test;leader;"Søren ""the Dane""";;;\n',
    );
    expect(sheet.rows).toEqual([
      { row: 3, email: "a@x.test", role: "rep", name: "Line one\nline two", team: "East; West", status: "active" },
      { row: 5, email: "b@x.test", role: "leader", name: 'Søren "the Dane"', team: "", status: "" },
    ]);
    expect(sheet.ignoredColumns).toEqual(["Notes"]);
  });

  it("matches headers without case, spaces or hyphens, and needs email and role", () => {
    expect(rowsOf("E-Mail Address,Role\nx@y.test,rep").rows[0]).toMatchObject({ email: "x@y.test", role: "rep", name: "", team: "" });
    expect(parsePeopleFile("name,team\nAna,East")).toEqual({ ok: false, message: expect.stringContaining("(email and role are missing)") });
    expect(parsePeopleFile("email,role,email\nx@y.test,rep,z")).toEqual({
      ok: false,
      message: "The column “email” appears twice in the first row. Keep one.",
    });
    expect(parsePeopleFile("email,role\n")).toEqual({ ok: false, message: expect.stringContaining("nobody in it") });
  });

  it("refuses binary data", () => {
    expect(parsePeopleFile("email,role\n\u0001\u0002garbage")).toEqual({ ok: false, message: expect.stringContaining("not a CSV text file") });
    expect(decodeFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, message: expect.stringContaining("binary data") });
  });

  it("decodes UTF-8, UTF-16 with its mark, and falls back to Windows-1252", () => {
    const utf8 = new TextEncoder().encode("email,role\nzoë@x.test,rep");
    expect(decodeFile(utf8)).toEqual({ ok: true, text: "email,role\nzoë@x.test,rep" });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."é,李"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeFile(utf16)).toEqual({ ok: true, text: "é,李" });
    expect(decodeFile(new Uint8Array([0x5a, 0x6f, 0xeb]))).toEqual({ ok: true, text: "Zoë" });
    expect(decodeFile(new Uint8Array(2 * 1024 * 1024 + 1))).toEqual({ ok: false, message: expect.stringContaining("This file is 2.0 MB") });
  });

  it("splits a leader's teams on |, ; or , unless the whole cell is a team's name", () => {
    expect(teamsOfCell("East | West;North, east", new Map())).toEqual(["East", "West", "North"]);
    expect(teamsOfCell("Sales, North", new Map([["sales, north", {}]]))).toEqual(["Sales, North"]);
    expect(teamsOfCell("  ", new Map())).toEqual([]);
  });
});

describe("people files: writing", () => {
  it("neutralises formula cells, and the import takes the apostrophe off again", () => {
    for (const cell of ['=HYPERLINK("http://evil.example","x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutralised(cell)).toBe(`'${cell}`);
      expect(unneutralised(neutralised(cell))).toBe(cell);
    }
    expect(neutralised("Ana")).toBe("Ana");
    expect(unneutralised("'Ana")).toBe("'Ana");
  });

  it("writes what reads back the same: a byte-order mark, quotes where needed, no formula left live", () => {
    const rows = [
      ["name", "email", "role", "team"],
      ['Ana "Nan", Díaz', "ana@x.test", "leader", "East | West"],
      ['=HYPERLINK("http://evil.example")', "b@x.test", "rep", "East"],
      ["李雷\nsecond line", "c@x.test", "rep", "East"],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith("\uFEFFname,email,role,team\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toMatch(/(^|[,\n])"?=/);
    expect(rowsOf(csv).rows.map((r) => [r.name, r.email, r.role, r.team])).toEqual(rows.slice(1));
    expect(rowsOf(toCsv(TEMPLATE_ROWS)).rows).toHaveLength(TEMPLATE_ROWS.length - 1);
  });
});
