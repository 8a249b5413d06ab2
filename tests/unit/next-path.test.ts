import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/next-path";

/**
 * Where a browser on the app goes with `location = next`: the same parser, the same origin. Checked from an https
 * and an http origin (a scheme-relative `https:/x` resolves differently on each).
 */
const APP = "https://coachgrid.example";
const landsOn = (next: string) => {
  const onHttp = new URL(next, "http://coachgrid.example").origin;
  const onHttps = new URL(next, APP).origin;
  return onHttp === "http://coachgrid.example" ? onHttps : onHttp;
};

/**
 * The `next` parameter of /login is attacker-chosen: a link to `/login?next=…` must never send a person who signs
 * in to another site. Each family of known bypasses is refused (the default page instead).
 */
describe("the path after sign-in (safeNextPath)", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNextPath("/o/acme/settings")).toBe("/o/acme/settings");
    expect(safeNextPath("/o/acme/grid?view=team&cycle=2#rep-4")).toBe("/o/acme/grid?view=team&cycle=2#rep-4");
    expect(safeNextPath("/o/acme/reps/a%2Fb")).toBe("/o/acme/reps/a%2Fb");
    expect(safeNextPath("/")).toBe("/");
  });

  it("goes to the default page without a value", () => {
    expect(safeNextPath(undefined)).toBe("/o");
    expect(safeNextPath(null)).toBe("/o");
    expect(safeNextPath("")).toBe("/o");
    expect(safeNextPath(undefined, "/account")).toBe("/account");
  });

  const bypasses: Record<string, string[]> = {
    "protocol-relative": ["//evil.example/o", "///evil.example", "////evil.example"],
    "control characters the URL parser drops (tab, LF, CR)": [
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r/evil.example/",
      "/\r\n/evil.example",
      "\t//evil.example",
      "/\t\t/evil.example",
      " //evil.example",
      "\u0000//evil.example",
    ],
    backslashes: ["/\\evil.example", "\\\\evil.example", "\\/evil.example", "/\\/evil.example", "/\t\\evil.example"],
    "dot segments that leave a double slash": ["/.//evil.example", "/./\\evil.example", "/x/..//evil.example", "/%2e//evil.example"],
    "absolute URLs and other schemes": [
      "https://evil.example",
      "http:evil.example",
      "https:/evil.example",
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "java\tscript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "mailto:x@evil.example",
    ],
    userinfo: ["//user@evil.example", "/\\user:pass@evil.example", "https://coachgrid.example@evil.example", "//coachgrid.example@evil.example/o"],
  };

  for (const [family, values] of Object.entries(bypasses)) {
    it(`refuses ${family}`, () => {
      for (const value of values) {
        const safe = safeNextPath(value);
        expect(landsOn(safe), JSON.stringify(value)).toBe(APP);
        expect(safe, JSON.stringify(value)).toBe("/o");
      }
    });
  }

  it("keeps encoded slashes encoded: they stay a path on this site", () => {
    for (const value of ["/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%09/evil.example", "/%5C%5Cevil.example"]) {
      const safe = safeNextPath(value);
      expect(landsOn(safe), value).toBe(APP);
      expect(safe.startsWith("//") || safe.startsWith("/\\"), value).toBe(false);
    }
  });

  it("returns a value that stays on this site however it is parsed again (random strings)", () => {
    const alphabet = ["/", "\\", "\t", "\n", "\r", ".", "%", "2", "f", "F", "@", ":", "e", "v", "?", "#", " ", "j", "s"];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const value = Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const safe = safeNextPath(value);
      expect(landsOn(safe), JSON.stringify(value)).toBe(APP);
      expect(safe.startsWith("/") && !safe.startsWith("//") && !safe.startsWith("/\\"), JSON.stringify(value)).toBe(true);
    }
  });
});
