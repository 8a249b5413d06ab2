import type { Db } from "@/db/client";
import { insertUser } from "@/db/queries/accounts";
import { hashPassword } from "@/lib/auth/password";

/** The password of every person `personWithPassword` makes. */
export const PASSWORD = "the right password";
/** `at(ms)`: that many milliseconds after a fixed instant, for throttle tests. */
const t0 = new Date("2026-11-27T10:00:00Z");
export const at = (ms: number) => new Date(t0.getTime() + ms);

let hash: Promise<string> | undefined;

/** A new account with PASSWORD (hashed once per file): its email. */
export async function personWithPassword(db: Db, name: string): Promise<string> {
  hash ??= hashPassword(PASSWORD);
  const email = `${name.split(" ")[0]!.toLowerCase()}.${crypto.randomUUID().slice(0, 8)}@example.test`;
  await insertUser(db, { name, email, passwordHash: await hash });
  return email;
}
