import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasAuditSentence } from "@/lib/audit/sentences";
import { MATRIX_CASES } from "../support/matrix";
import { loadRegistry } from "../support/registry";
import { isServerActionModule, sourceFiles } from "../support/source-files";

/**
 * Route handlers that are not chain entries themselves, and why. tests/unit/test-hooks.test.ts proves that the
 * /api/test ones answer 404 without COACHGRID_TEST_HOOKS=1.
 */
const ROUTE_HANDLERS_OUTSIDE_CHAIN: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own endpoints; credentials go through the auth.signIn public entry",
  "app/api/health/route.ts": "liveness for load balancers: answers without reading anything",
  "app/api/ready/route.ts": "readiness for load balancers: reads only the migrations table, no organisation data",
  "app/api/test/queries/route.ts": "test hook for the query counter, absent unless COACHGRID_TEST_HOOKS=1; reads no data",
  "app/api/test/escaping-organisation/route.ts":
    "test hook for the escaping spec, absent unless COACHGRID_TEST_HOOKS=1; copies the demo organisation",
};

/** The URL route of an app file: its folders, without route groups. */
function routeOf(file: string): string {
  return path
    .relative(path.resolve("app"), path.dirname(path.resolve(file)))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .reduce((route, segment) => `${route}/${segment}`, "");
}

describe("the registry", () => {
  it("holds every server action exported from a 'use server' module", async () => {
    const entries = await loadRegistry();
    const registered = new Set(entries.map((entry) => entry.fn));
    const modules = [...sourceFiles("lib", /\.tsx?$/), ...sourceFiles("app", /\.tsx?$/)].filter(isServerActionModule);
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      const exports = Object.entries((await import(file)) as Record<string, unknown>);
      for (const [name, value] of exports) {
        expect(registered.has(value), `${path.relative(process.cwd(), file)} exports ${name}, which is not registered`).toBe(true);
      }
    }
  });

  it("holds every organisation page", async () => {
    const entries = await loadRegistry();
    const pages = new Set(entries.filter((e) => e.kind === "page").map((e) => e.name));
    const routes = sourceFiles("app/o/[slug]", /^page\.tsx$/).map(routeOf);
    expect(routes).toContain("/o/[slug]");
    for (const route of routes) expect(pages.has(route), `${route} has no registered loader`).toBe(true);
  });

  it("knows every route handler: registered under its route, or listed with the reason it is not", async () => {
    const names = new Set((await loadRegistry()).map((e) => e.name));
    const handlers = sourceFiles("app", /^route\.ts$/).map((f) => path.relative(process.cwd(), f));
    for (const file of Object.keys(ROUTE_HANDLERS_OUTSIDE_CHAIN)) expect(handlers).toContain(file);
    for (const file of handlers) {
      if (file in ROUTE_HANDLERS_OUTSIDE_CHAIN) continue;
      expect(names.has(routeOf(file)), `${file} is neither registered as ${routeOf(file)} nor listed`).toBe(true);
    }
  });

  it("gives every entry its expectations: who may call it, and (a token entry) the link and session it takes", async () => {
    for (const entry of await loadRegistry()) {
      if (entry.entry === "member") expect(Array.isArray(entry.expect?.allow), `${entry.name} does not say who is allowed`).toBe(true);
      if (entry.entry === "token") {
        expect(["invite", "checkIn", "apiToken"], `${entry.name} does not say which link it takes`).toContain(entry.expect?.token);
        expect(["none", "outsider"], `${entry.name} does not say who may follow its link`).toContain(entry.expect?.session);
      }
    }
  });

  it("gives every entry a matrix case (a valid input) in tests/support/matrix/, and every case names an entry", async () => {
    const names = (await loadRegistry()).map((entry) => entry.name);
    const withoutCase = names.filter((name) => typeof MATRIX_CASES.get(name)?.input !== "function");
    expect(withoutCase, "entries without a matrix case").toEqual([]);
    const stray = [...MATRIX_CASES.keys()].filter((name) => !names.includes(name));
    expect(stray, "matrix cases of no registered entry").toEqual([]);
  });

  it("gives every action, and every loader that records an audit event, a sentence and a label in the audit log", async () => {
    // A read-only action (a preview) records nothing: its transaction cannot write.
    const writes = (e: Awaited<ReturnType<typeof loadRegistry>>[number]) => e.kind === "action" && !(e.entry === "member" && e.readOnly);
    const audited = (await loadRegistry()).flatMap((e) => [...(writes(e) ? [e.name] : []), ...(e.auditAction ? [e.auditAction] : [])]);
    expect(audited).toContain("organisation.export");
    const missing = audited.filter((action) => !hasAuditSentence(action));
    expect(missing, "actions without a sentence in lib/audit/sentences.ts").toEqual([]);
  });
});
