import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACTION_BODY_LIMIT } from "@/lib/security/malformed-request";
import { proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

const URL_BASE = "http://localhost:3000";
const signedIn = { cookie: "next-auth.session-token=x" };
const nonceOf = (csp: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

describe("proxy: the Content-Security-Policy", () => {
  it("allows scripts only with a fresh nonce per request: no 'unsafe-inline' for scripts, no eval in production", () => {
    vi.stubEnv("NEXTAUTH_URL", URL_BASE);
    const first = proxy(new NextRequest(`${URL_BASE}/login`)).headers.get("content-security-policy");
    const second = proxy(new NextRequest(`${URL_BASE}/login`)).headers.get("content-security-policy");
    const scripts = /script-src ([^;]+)/.exec(first ?? "")?.[1] ?? "";
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(scripts).toContain("'strict-dynamic'");
    expect(nonceOf(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(first).toContain(directive);
    }
  });

  it("hands Next.js the same policy on the request, where it reads the nonce for the page's scripts", () => {
    vi.stubEnv("NEXTAUTH_URL", URL_BASE);
    const out = proxy(new NextRequest(`${URL_BASE}/o/acme/grid`, { headers: signedIn }));
    expect(out.headers.get("x-middleware-request-content-security-policy")).toBe(out.headers.get("content-security-policy"));
  });

  it("is on the proxy's own answers too (redirect to sign in, refused action)", () => {
    vi.stubEnv("NEXTAUTH_URL", URL_BASE);
    expect(nonceOf(proxy(new NextRequest(`${URL_BASE}/o/acme`)).headers.get("content-security-policy"))).toBeDefined();
    const foreign = proxy(
      new NextRequest(`${URL_BASE}/o/acme`, { method: "POST", headers: { ...signedIn, origin: "https://evil.example" }, body: "[]" }),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("proxy: malformed requests Next.js would answer with a 500", () => {
  it("refuses a path with broken percent-encoding with 400 and the policy", async () => {
    vi.stubEnv("NEXTAUTH_URL", URL_BASE);
    for (const path of ["/o/x/join/%E0", "/o/acme/reps/%E0%A4%A", "/o/x/check-in/%C0%AF", "/login/%", "/o/%ZZ"]) {
      const out = proxy(new NextRequest(`${URL_BASE}${path}`, { headers: signedIn }));
      expect(out.status, path).toBe(400);
      expect(await out.text()).toBe("This address is not valid.");
      expect(out.headers.get("content-security-policy"), path).toContain("default-src 'self'");
    }
    expect(proxy(new NextRequest(`${URL_BASE}/o/acme/reps/caf%C3%A9`, { headers: signedIn })).status).toBe(200);
  });

  it("refuses a server action whose declared body is over Next's limit with 413", () => {
    vi.stubEnv("NEXTAUTH_URL", URL_BASE);
    const post = (length: number) =>
      proxy(
        new NextRequest(`${URL_BASE}/o/acme`, {
          method: "POST",
          headers: { ...signedIn, origin: URL_BASE, "next-action": "x", "content-length": String(length) },
        }),
      );
    expect(post(ACTION_BODY_LIMIT + 1).status).toBe(413);
    expect(post(ACTION_BODY_LIMIT).status).toBe(200);
  });
});
