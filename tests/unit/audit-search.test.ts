import { describe, expect, it } from "vitest";
import { auditSearchSchema } from "@/lib/schemas/audit";

describe("the audit log's search params", () => {
  it("keep valid values, take the first of repeated ones and treat empty ones as absent", () => {
    const actor = "0b5c1a62-9e4e-4c2c-8d7e-2f0c3b1d4a55";
    expect(auditSearchSchema.parse({ actor: [actor, "x"], action: "team.create", from: "2025-01-01", to: "", page: "3" })).toEqual({
      actor,
      action: "team.create",
      from: "2025-01-01",
      page: 3,
      ignored: [],
    });
    expect(auditSearchSchema.parse({})).toEqual({ page: 1, ignored: [] });
  });

  it("drop invalid values and name them, never refusing", () => {
    const parsed = auditSearchSchema.safeParse({ actor: "dana", from: "2025-02-30", to: "9999-12-31", page: "-1", action: "x".repeat(500) });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ page: 1, ignored: ["Person", "Action", "From", "To", "Page"] });
    expect(auditSearchSchema.parse({ page: "2.5" })).toEqual({ page: 1, ignored: ["Page"] });
  });
});
