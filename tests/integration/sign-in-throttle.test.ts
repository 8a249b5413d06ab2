import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { throttles } from "@/db/schema";
import { accountKey, attemptSignIn, SIGN_IN_THROTTLE, signIn, slowDownMs } from "@/lib/accounts/sign-in";
import { clientAddress } from "@/lib/security/client-address";
import { withTestDatabase } from "../support/database";
import { at, PASSWORD, personWithPassword } from "../support/sign-in";

const testDb = withTestDatabase();
const { account: rule } = SIGN_IN_THROTTLE;
const person = () => personWithPassword(testDb(), "Thea Throttle");

/** `count` wrong passwords, one second apart from `start`. */
async function fail(email: string, count: number, start = 0, address: string | null = null) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await attemptSignIn(testDb(), { email, password: "wrong" }, { now: at(start + i * 1000), address }));
  return results;
}

describe("sign-in throttling", () => {
  it("answers the first attempts at once, then slows each failure down, growing", async () => {
    const email = await person();
    const delays = (await fail(email, 9)).map((r) => r.delayMs);
    expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(delays.map((_, i) => slowDownMs(i + 1))).toEqual(delays);
  });

  it("locks the account at the limit: even the right password is refused, with the same answer as a wrong one", async () => {
    const email = await person();
    await fail(email, rule.limit - 1);
    const locked = await attemptSignIn(testDb(), { email, password: PASSWORD }, { now: at(10_000) });
    expect(locked.user).toBeNull();
    const wrong = await attemptSignIn(testDb(), { email, password: "wrong" }, { now: at(11_000) });
    expect(locked).toEqual({ user: null, delayMs: expect.any(Number) });
    expect(Object.keys(locked)).toEqual(Object.keys(wrong));
    expect((await attemptSignIn(testDb(), { email, password: PASSWORD }, { now: at(10_000 + rule.lockMs - 1) })).user).toBeNull();
  });

  it("cannot be kept locked by an attacker: attempts during the lock do not extend it, and the right password works when it lapses", async () => {
    const email = await person();
    await fail(email, rule.limit); // the 10th attempt locks, at 9 s
    const lockStart = 9_000;
    for (let i = 0; i < 50; i++) await attemptSignIn(testDb(), { email, password: "wrong" }, { now: at(lockStart + 1000 + i * 10_000) });
    const [row] = await testDb()
      .select()
      .from(throttles)
      .where(eq(throttles.key, accountKey(email)));
    expect(row!.lockedUntil).toEqual(at(lockStart + rule.lockMs));
    const back = await attemptSignIn(testDb(), { email, password: PASSWORD }, { now: at(lockStart + rule.lockMs) });
    expect(back.user?.email).toBe(email);
    expect(back.delayMs).toBe(0);
  });

  it("clears the count after a successful sign-in, and restarts it after the window", async () => {
    const email = await person();
    await fail(email, 5);
    expect((await attemptSignIn(testDb(), { email, password: PASSWORD }, { now: at(6_000) })).user).not.toBeNull();
    expect((await fail(email, 1, 7_000))[0]!.delayMs).toBe(0);
    const other = await person();
    await fail(other, 5);
    expect((await fail(other, 1, rule.windowMs + 1))[0]!.delayMs).toBe(0);
  });

  it("treats an unknown email exactly like a known one (same answers, same slow-down, same lock)", async () => {
    const known = await person();
    const unknown = `nobody.${crypto.randomUUID().slice(0, 8)}@example.test`;
    const a = await fail(known, rule.limit + 2);
    const b = await fail(unknown, rule.limit + 2);
    expect(b).toEqual(a);
    const [row] = await testDb()
      .select()
      .from(throttles)
      .where(eq(throttles.key, accountKey(unknown)));
    expect(row!.lockedUntil).not.toBeNull();
  });

  it("keys the account by its email whatever the case, and holds back a slowed answer, through the chain's own entry", async () => {
    const email = await person();
    for (let i = 0; i < 3; i++) expect(await signIn({ email: i % 2 ? email.toUpperCase() : email, password: "wrong" })).toBeNull();
    const started = Date.now();
    expect(await signIn({ email, password: "wrong" })).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const [row] = await testDb()
      .select()
      .from(throttles)
      .where(eq(throttles.key, accountKey(email)));
    expect(row!.count).toBe(4);
    expect(await signIn({ email: email.toUpperCase(), password: PASSWORD })).toMatchObject({ email });
    expect(
      await testDb()
        .select()
        .from(throttles)
        .where(eq(throttles.key, accountKey(email))),
    ).toEqual([]);
  });
});

describe("per-address limit, only behind a trusted proxy", () => {
  it("reads the client address from X-Forwarded-For only when told how many proxies to trust", () => {
    expect(clientAddress("203.0.113.9", undefined)).toBeNull();
    expect(clientAddress("203.0.113.9", 1)).toBe("203.0.113.9");
    // A client can put anything in front; each trusted proxy appends what it saw.
    expect(clientAddress("1.1.1.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientAddress("", 1)).toBeNull();
    expect(clientAddress(null, 1)).toBeNull();
  });

  it("locks an address that fails on many accounts, without locking those accounts for others", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const victims = await Promise.all(Array.from({ length: 10 }, () => person()));
    for (let i = 0; i < SIGN_IN_THROTTLE.address.limit; i++) {
      await attemptSignIn(testDb(), { email: victims[i % victims.length]!, password: "wrong" }, { now: at(i * 100), address });
    }
    const next = victims[0]!;
    // Each account has failed 5 times: not locked, but the address is.
    expect((await attemptSignIn(testDb(), { email: next, password: PASSWORD }, { now: at(6_000), address })).user).toBeNull();
    expect((await attemptSignIn(testDb(), { email: victims[1]!, password: PASSWORD }, { now: at(6_000), address: "192.0.2.1" })).user).not.toBeNull();
    expect(
      (await attemptSignIn(testDb(), { email: next, password: PASSWORD }, { now: at(6_000 + SIGN_IN_THROTTLE.address.lockMs), address })).user,
    ).not.toBeNull();
  });

  it("ignores X-Forwarded-For without TRUST_PROXY, and never takes the address from the credentials", async () => {
    const email = await person();
    vi.stubEnv("TRUST_PROXY", "");
    const { env } = await import("@/lib/env");
    expect(env().TRUST_PROXY).toBeUndefined();
    const before = await testDb().select().from(throttles);
    expect(await signIn({ email, password: "wrong", address: "9.9.9.9" }, { headers: { "x-forwarded-for": "8.8.8.8" } })).toBeNull();
    const keys = (await testDb().select().from(throttles)).map((r) => r.key).filter((k) => !before.some((b) => b.key === k));
    expect(keys).toEqual([accountKey(email)]);
    vi.unstubAllEnvs();
  });
});
