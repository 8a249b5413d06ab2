import { afterEach, describe, expect, it, vi } from "vitest";
import { perRevision } from "@/lib/chain/revision-cache";

let orgs = 0;
/** A request's view of an organisation: a new organisation per test, so tests share no cache entries. */
function request(orgId: string, revision: number, userId = "u1") {
  return {
    org: { id: orgId, slug: orgId, name: orgId, timeZone: "UTC", blindMode: true, revision },
    member: { userId, role: "admin" as const, teamId: null, ledTeamIds: [] },
  };
}
const newOrg = () => `org-${++orgs}`;

/** A computation that counts its calls and returns a fresh object each time. */
function counter() {
  const compute = vi.fn(async () => ({ call: compute.mock.calls.length, list: [1, 2] }));
  return compute;
}

afterEach(() => vi.unstubAllEnvs());

describe("perRevision", () => {
  it("computes once per organisation revision, member and input, and shares the result", async () => {
    const org = newOrg();
    const compute = counter();
    const first = await perRevision("page", request(org, 1), { a: 1 }, compute);
    expect(await perRevision("page", request(org, 1), { a: 1 }, compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);

    await perRevision("page", request(org, 1), { a: 2 }, compute); // another input
    await perRevision("page", request(org, 1, "u2"), { a: 1 }, compute); // another member
    await perRevision("other page", request(org, 1), { a: 1 }, compute); // another loader
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it("computes afresh once the revision moves, and never caches for a request that read an older one", async () => {
    const org = newOrg();
    const compute = counter();
    const old = await perRevision("page", request(org, 1), {}, compute);
    const moved = await perRevision("page", request(org, 2), {}, compute);
    expect(moved).not.toBe(old);
    expect(compute).toHaveBeenCalledTimes(2);
    // A request that read revision 1 before the change committed gets a fresh result, not revision 2's, and no entry.
    await perRevision("page", request(org, 1), {}, compute);
    await perRevision("page", request(org, 1), {}, compute);
    expect(compute).toHaveBeenCalledTimes(4);
    expect(await perRevision("page", request(org, 2), {}, compute)).toBe(moved);
  });

  it("shares one computation between concurrent requests", async () => {
    const org = newOrg();
    let finish!: (value: { n: number }) => void;
    const compute = vi.fn(() => new Promise<{ n: number }>((resolve) => (finish = resolve)));
    const a = perRevision("page", request(org, 1), {}, compute);
    const b = perRevision("page", request(org, 1), {}, compute);
    finish({ n: 1 });
    expect(await a).toBe(await b);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("keeps no failure: the next request tries again", async () => {
    const org = newOrg();
    const failing = vi.fn(async () => {
      throw new Error("database down");
    });
    await expect(perRevision("page", request(org, 1), {}, failing)).rejects.toThrow("database down");
    const compute = counter();
    expect(await perRevision("page", request(org, 1), {}, compute)).toMatchObject({ call: 1 });
  });

  it("freezes the shared result outside production, so a caller that mutates it fails in tests", async () => {
    const result = await perRevision("page", request(newOrg(), 1), {}, counter());
    expect(() => result.list.push(3)).toThrow(TypeError);
  });

  it("holds up to COACHGRID_REVISION_CACHE_MB of results' JSON; the least recently used organisation's go first", async () => {
    vi.stubEnv("COACHGRID_REVISION_CACHE_MB", String(1000 / (1024 * 1024))); // 1,000 characters
    const [first, second] = [newOrg(), newOrg()];
    const compute = vi.fn(async () => ({ text: "x".repeat(290) })); // 301 characters of JSON
    await perRevision("page", request(first, 1), { n: 1 }, compute);
    await perRevision("page", request(second, 1), { n: 1 }, compute);
    await perRevision("page", request(second, 1), { n: 2 }, compute);
    await perRevision("page", request(first, 1), { n: 1 }, compute); // all three fit
    expect(compute).toHaveBeenCalledTimes(3);

    await perRevision("page", request(second, 1), { n: 3 }, compute); // a fourth does not: `first`, used least recently, goes
    await perRevision("page", request(second, 1), { n: 1 }, compute);
    expect(compute).toHaveBeenCalledTimes(4);
    await perRevision("page", request(first, 1), { n: 1 }, compute);
    expect(compute).toHaveBeenCalledTimes(5);
  });

  it("keeps no result larger than the whole budget", async () => {
    vi.stubEnv("COACHGRID_REVISION_CACHE_MB", String(1000 / (1024 * 1024)));
    const org = newOrg();
    const compute = vi.fn(async () => ({ text: "x".repeat(2000) }));
    await perRevision("page", request(org, 1), {}, compute);
    await perRevision("page", request(org, 1), {}, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("COACHGRID_REVISION_CACHE=off computes every time", async () => {
    vi.stubEnv("COACHGRID_REVISION_CACHE", "off");
    const org = newOrg();
    const compute = counter();
    await perRevision("page", request(org, 1), {}, compute);
    await perRevision("page", request(org, 1), {}, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
