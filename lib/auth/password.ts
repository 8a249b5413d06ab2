import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum memory (19 MiB), 2 passes, 1 lane. Algorithm 2 = argon2id.
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

// Verified when the email is unknown, so a wrong email takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/**
 * Whether the password matches the stored hash. No hash (an unknown email), or one that is no argon2 hash (a
 * deleted account's, which no password may match), does the same work and answers false.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash?.startsWith("$argon2")) {
    decoy ??= hashPassword("decoy password that matches nothing");
    await verify(await decoy, password);
    return false;
  }
  return verify(storedHash, password);
}
