import { vi } from "vitest";

/**
 * Integration tests fake only the session next-auth would decode from the cookie; everything after it
 * (session version check, membership, permissions) runs for real against the database.
 */
type FakeSession = { user: { id: string; name: string; email: string }; sv: number; sid?: string } | null;

// On globalThis so the mock factory (hoisted) and the tests' setFakeSession share it.
const state = globalThis as unknown as { __fakeSession: FakeSession };
state.__fakeSession = null;

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (globalThis as unknown as { __fakeSession: FakeSession }).__fakeSession,
}));

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

/** A session without an id gets a new one, as every real sign-in does. */
export function setFakeSession(session: FakeSession): void {
  state.__fakeSession = session && { ...session, sid: session.sid ?? crypto.randomUUID() };
}
