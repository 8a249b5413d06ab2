import { afterEach, describe, expect, it, vi } from "vitest";

/** env() is parsed once per module instance: each case imports a fresh one. */
async function trustedClientAddress(trustProxy: string) {
  vi.resetModules();
  vi.stubEnv("TRUST_PROXY", trustProxy);
  return (await import("@/lib/security/client-address")).trustedClientAddress;
}

afterEach(() => vi.unstubAllEnvs());

describe("the address the rate limits key on (sign-in and check-in answers alike)", () => {
  it("is none without TRUST_PROXY, whatever X-Forwarded-For claims", async () => {
    const address = await trustedClientAddress("");
    expect(address("203.0.113.9")).toBeNull();
    expect(address(["198.51.100.9", "203.0.113.9"])).toBeNull();
  });

  it("is the entry the outermost trusted proxy appended, from a header string or next-auth's list of values", async () => {
    const one = await trustedClientAddress("1");
    expect(one("198.51.100.9, 203.0.113.9")).toBe("203.0.113.9");
    expect(one(["198.51.100.9", "203.0.113.9"])).toBe("203.0.113.9");
    expect(one(null)).toBeNull();
    const two = await trustedClientAddress("2");
    expect(two("198.51.100.9, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
  });
});
