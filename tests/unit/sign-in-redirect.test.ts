import { describe, expect, it } from "vitest";
import { routePath } from "@/lib/chain/sign-in-redirect";

describe("routePath", () => {
  it("fills every parameter of the route", () => {
    expect(routePath("/o/[slug]/reps/[repId]/report", { slug: "acme", repId: "0b6c2f4e-1d2a-4f4b-9a51-3c2d1e0f9a8b", cycle: "x" })).toBe(
      "/o/acme/reps/0b6c2f4e-1d2a-4f4b-9a51-3c2d1e0f9a8b/report",
    );
    expect(routePath("/o/[slug]/grid", { slug: "acme" })).toBe("/o/acme/grid");
  });

  it("keeps a value inside its segment", () => {
    expect(routePath("/o/[slug]/reps/[repId]", { slug: "acme", repId: "../../x?y=1#z" })).toBe("/o/acme/reps/..%2F..%2Fx%3Fy%3D1%23z");
  });

  it("falls back to the organisation's home, never a path with a bracket, when a value is missing", () => {
    expect(routePath("/o/[slug]/reps/[repId]", { slug: "acme" })).toBe("/o/acme");
    expect(routePath("/o/[slug]/reps/[repId]", { slug: "acme", repId: 7 })).toBe("/o/acme");
    expect(routePath("/o/[slug]/reps/[repId]", { slug: "acme", repId: "" })).toBe("/o/acme");
    expect(routePath("/o/[slug]", {})).toBe("/");
  });
});
