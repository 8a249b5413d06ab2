import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/next-path";
import { formDataToObject, parseInput, typedValues } from "@/lib/chain/input";
import { scoresAwaitSharingNote } from "@/lib/coaching/plans";
import { organisationSlug, suffixedSlug } from "@/lib/organisations/slug";
import { emailField } from "@/lib/schemas/fields";
import { fileNameSlug } from "@/lib/slug";

describe("organisation slugs", () => {
  it("are lower-case ASCII words joined by hyphens", () => {
    expect(organisationSlug("Brightwater Supply Co.")).toBe("brightwater-supply-co");
    expect(organisationSlug("  Ålesund Fisk & Sønner  ")).toBe("alesund-fisk-s-nner");
    expect(organisationSlug("!!!")).toBe("org");
    expect(organisationSlug("x".repeat(60))).toHaveLength(40);
  });

  it("get a short random suffix when taken", () => {
    expect(suffixedSlug("acme")).toMatch(/^acme-[a-z0-9]{1,5}$/);
  });
});

describe("file-name slugs", () => {
  it("are the same words as an organisation's, at any length, with the caller's word when none is left", () => {
    expect(fileNameSlug("Q1 — Révision 2027", "cycle")).toBe("q1-revision-2027");
    expect(fileNameSlug("x".repeat(60), "cycle")).toHaveLength(60);
    expect(fileNameSlug("!!!", "cycle")).toBe("cycle");
  });
});

describe("the path after sign-in", () => {
  it("stays on this site", () => {
    expect(safeNextPath("/o/acme/settings")).toBe("/o/acme/settings");
    expect(safeNextPath("//evil.example/o")).toBe("/o");
    expect(safeNextPath("https://evil.example")).toBe("/o");
    expect(safeNextPath("/\\evil.example")).toBe("/o");
    expect(safeNextPath(undefined)).toBe("/o");
  });
});

describe("action input", () => {
  it("reads repeated form fields as arrays and skips React's own fields", () => {
    const form = new FormData();
    form.append("name", "Ana");
    form.append("tag", "a");
    form.append("tag", "b");
    form.append("$ACTION_ID_123", "");
    expect(formDataToObject(form)).toEqual({ name: "Ana", tag: ["a", "b"] });
  });

  it("reports the first message per field and never echoes passwords", () => {
    const schema = z.object({ email: emailField, age: z.coerce.number().min(18, "Adults only.") });
    const parsed = parseInput(schema, { email: "nope", age: "12" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.failure.fieldErrors).toEqual({ email: "Enter a valid email address, like name@company.com.", age: "Adults only." });
    }
    expect(typedValues({ email: "a@b.c", password: "secret", newPassword: "x", n: 3 })).toEqual({ email: "a@b.c" });
  });

  it("normalises email case", () => {
    expect(emailField.parse("  Dana@Brightwater.EXAMPLE ")).toBe("dana@brightwater.example");
  });
});

describe("the rep's note that scores appear once shared", () => {
  const shown = { then: { score: 2 }, now: { score: 3 } };
  it("is there only while a plan's score is still hidden from the rep", () => {
    expect(scoresAwaitSharingNote([shown, { then: null, now: null }])).toBe("Scores appear once your leader shares your results.");
    expect(scoresAwaitSharingNote([{ ...shown, now: null }])).not.toBeNull();
    expect(scoresAwaitSharingNote([shown])).toBeNull();
    expect(scoresAwaitSharingNote([])).toBeNull();
  });
});
