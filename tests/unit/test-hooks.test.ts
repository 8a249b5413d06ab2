import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sourceFiles } from "../support/source-files";

// A hook that gets past its gate reaches the database: here that is a loud failure, not a write.
vi.mock("@/db/client", () => ({
  getDb: () => {
    throw new Error("the hook reached the database");
  },
}));

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request) => Response | Promise<Response>;

/** Every route handler under app/api/test, with the HTTP methods it exports, imported with a fresh env(). */
async function hooks(testHooks: "0" | "1" | undefined) {
  vi.resetModules();
  if (testHooks === undefined) vi.stubEnv("COACHGRID_TEST_HOOKS", undefined);
  else vi.stubEnv("COACHGRID_TEST_HOOKS", testHooks);
  const found: { file: string; method: string; handler: Handler }[] = [];
  for (const file of sourceFiles("app/api/test", /^route\.ts$/)) {
    const exported = (await import(file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    for (const method of METHODS) {
      const handler = exported[method];
      if (handler) found.push({ file: path.relative(process.cwd(), file), method, handler });
    }
  }
  return found;
}

const request = (method: string) => new Request("http://localhost:3000/api/test/hook", { method });

afterEach(() => vi.unstubAllEnvs());

/**
 * The registry test lets the /api/test/* route handlers stay outside the action chain because they do not exist
 * in a real deployment. This proves it: without COACHGRID_TEST_HOOKS=1 each answers 404 before any other work.
 */
describe("test hooks (app/api/test/*)", () => {
  it("are there to check: the query counter and the escaping organisation at least", async () => {
    const files = new Set((await hooks("0")).map((h) => h.file));
    expect([...files]).toEqual(expect.arrayContaining(["app/api/test/queries/route.ts", "app/api/test/escaping-organisation/route.ts"]));
  });

  for (const setting of [undefined, "0"] as const) {
    it(`answer 404 and touch nothing when COACHGRID_TEST_HOOKS is ${setting ?? "unset"}`, async () => {
      for (const { file, method, handler } of await hooks(setting)) {
        const response = await handler(request(method));
        expect(response.status, `${method} ${file}`).toBe(404);
      }
    });
  }

  it("get past the gate with COACHGRID_TEST_HOOKS=1 (so the 404 above comes from the gate)", async () => {
    for (const { file, method, handler } of await hooks("1")) {
      const answer = await Promise.resolve()
        .then(() => handler(request(method)))
        .then(
          (response) => response.status,
          (error: Error) => error.message,
        );
      expect(answer, `${method} ${file}`).not.toBe(404);
    }
  });
});
