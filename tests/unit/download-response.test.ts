import { describe, expect, it } from "vitest";
import { downloadResponse } from "@/lib/download";

describe("download responses", () => {
  it("save the body under its name with its type, uncached and unsniffed", async () => {
    const response = downloadResponse("\uFEFFname,email\r\n", { name: "acme-people-2026-12-07.csv", type: "text/csv" });
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="acme-people-2026-12-07.csv"',
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    expect(new Uint8Array(await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf])); // the byte-order mark, as given
    expect(downloadResponse("{}", { name: "acme.json", type: "application/json" }).headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );
  });
});
