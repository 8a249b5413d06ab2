import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/lib/auth/cookies";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/next-path";
import { log } from "@/lib/observability/log";
import { proxy } from "@/proxy";

const action = (origin: string | null, url = "http://localhost:3000/o/acme/teams") =>
  new NextRequest(url, {
    method: "POST",
    headers: { "next-action": "abc123", cookie: "next-auth.session-token=x", host: new URL(url).host, ...(origin === null ? {} : { origin }) },
    body: "[]",
  });

afterEach(() => vi.unstubAllEnvs());

describe("proxy: server actions", () => {
  it("refuses a foreign Origin, a missing one and the opaque 'null', with 403", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    for (const origin of ["https://evil.example", "http://localhost:3001", "http://localhost:3000.evil.example", null, "null", "not a url"]) {
      const response = proxy(action(origin));
      expect(response.status, String(origin)).toBe(403);
      expect(await response.text()).toContain("refused");
    }
  });

  it("lets the app's own origin through (and a form post without JavaScript, which has no Next-Action header, is checked the same way)", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const ok = proxy(action("http://localhost:3000"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-middleware-next")).toBe("1");
    const form = new NextRequest("http://localhost:3000/o/acme/teams", { method: "POST", headers: { origin: "https://evil.example" }, body: "a=1" });
    expect(proxy(form).status).toBe(403);
  });

  it("compares with the public URL, not with a Host header an attacker's proxy could set", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://coachgrid.example");
    const request = new NextRequest("https://coachgrid.example/o/acme/teams", {
      method: "POST",
      headers: { "next-action": "x", host: "evil.example", origin: "https://evil.example" },
    });
    expect(proxy(request).status).toBe(403);
    expect(proxy(action("https://coachgrid.example", "https://coachgrid.example/o/acme")).status).toBe(200);
  });

  it("without a public URL, compares with the address the request came to", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(proxy(action("http://localhost:3000")).status).toBe(200);
    expect(proxy(action("http://127.0.0.1:3000")).status).toBe(403);
  });

  it("a form from another address of this server, while NEXTAUTH_URL names one: says which address to use, and logs what to set", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const response = proxy(action("http://127.0.0.1:3000", "http://127.0.0.1:3000/signup"));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(
      "Coachgrid is set up to be used at http://localhost:3000, not at http://127.0.0.1:3000. Open http://localhost:3000 and try again.",
    );
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ outcome: "wrong_address", requestId: expect.any(String) }),
      expect.stringContaining("set NEXTAUTH_URL=http://127.0.0.1:3000"),
    );
    // Another site is not "another address": the plain refusal, nothing logged as a misconfiguration.
    warn.mockClear();
    expect(await proxy(action("https://evil.example", "http://127.0.0.1:3000/signup")).text()).toContain("did not come from this site");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("gives every request an id, keeping a proxy's only when the app trusts its proxies", () => {
    const incoming = () => new NextRequest("http://localhost:3000/login", { headers: { "x-request-id": "lb-42" } });
    expect(proxy(incoming()).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    vi.stubEnv("TRUST_PROXY", "1");
    expect(proxy(incoming()).headers.get("x-request-id")).toBe("lb-42");
  });

  it("leaves reads and API routes to their own rules", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(proxy(new NextRequest("http://localhost:3000/login")).status).toBe(200);
    const auth = new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", body: "x" });
    expect(proxy(auth).status).toBe(200);
  });
});

describe("proxy: HSTS and the sign-in redirect", () => {
  it("adds HSTS only when the public URL is https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://coachgrid.example");
    expect(proxy(new NextRequest("https://coachgrid.example/login")).headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(proxy(new NextRequest("http://localhost:3000/login")).headers.get("strict-transport-security")).toBeNull();
  });

  it("sends a signed-out visitor of a member page to /login, with or without https cookie names", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const out = proxy(new NextRequest("http://localhost:3000/o/acme/grid?view=gap"));
    expect(out.status).toBe(307);
    expect(out.headers.get("location")).toBe("http://localhost:3000/login?next=%2Fo%2Facme%2Fgrid%3Fview%3Dgap");
    for (const secure of [false, true]) {
      const signedIn = new NextRequest("http://localhost:3000/o/acme/grid", { headers: { cookie: `${sessionCookie(secure).name}=x` } });
      expect(proxy(signedIn).status).toBe(200);
    }
    expect(proxy(new NextRequest("http://localhost:3000/o/acme/join/tok")).status).toBe(200);
  });

  it("sends a signed-out visitor of the account's pages to /login too, and leaves lookalike and public paths alone", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    for (const path of ["/account", "/account/data", "/account/confirm-email/tok"]) {
      const out = proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(out.status, path).toBe(307);
      expect(out.headers.get("location"), path).toBe(`http://localhost:3000/login?next=${encodeURIComponent(path)}`);
      expect(proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { cookie: "next-auth.session-token=x" } })).status, path).toBe(200);
    }
    for (const path of ["/accounts", "/account-deleted", "/login"])
      expect(proxy(new NextRequest(`http://localhost:3000${path}`)).status, path).toBe(200);
  });

  it("passes a signed-in page the path it was asked for, overwriting one a client sent", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const request = new NextRequest("http://localhost:3000/o/acme/reps/r1/report?cycle=c1", {
      headers: { cookie: "next-auth.session-token=x", [REQUESTED_PATH_HEADER]: "https://evil.example/" },
    });
    const out = proxy(request);
    expect(out.status).toBe(200);
    // How Next hands the proxy's request headers on to the page.
    expect(out.headers.get(`x-middleware-request-${REQUESTED_PATH_HEADER}`)).toBe("/o/acme/reps/r1/report?cycle=c1");
    // A client-side navigation's cache-busting parameter is not part of the page's address.
    const navigation = new NextRequest("http://localhost:3000/o/acme/grid?view=gap&_rsc=1x2y3", {
      headers: { cookie: "next-auth.session-token=x", rsc: "1" },
    });
    expect(proxy(navigation).headers.get(`x-middleware-request-${REQUESTED_PATH_HEADER}`)).toBe("/o/acme/grid?view=gap");
  });
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax; Secure with the __Secure- prefix only over https", () => {
    expect(sessionCookie(false)).toEqual({ name: "next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } });
    expect(sessionCookie(true)).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("follows the public URL in the session options next-auth reads", async () => {
    for (const [url, name, secure] of [
      ["https://coachgrid.example", "__Secure-next-auth.session-token", true],
      ["http://localhost:3000", "next-auth.session-token", false],
    ] as const) {
      vi.resetModules();
      vi.stubEnv("NEXTAUTH_URL", url);
      const { sessionOptions } = await import("@/lib/auth/config");
      expect(sessionOptions.cookies?.sessionToken).toEqual({ name, options: { httpOnly: true, sameSite: "lax", path: "/", secure } });
      expect(sessionOptions.useSecureCookies).toBe(secure);
    }
  });
});
