import { registeredEntries, type RegistryEntry } from "@/lib/chain/registry";
import { sourceFiles } from "./source-files";

/** Imports every module of lib/ so each action and loader registers itself, then returns the registry. */
export async function loadRegistry() {
  for (const file of sourceFiles("lib", /\.tsx?$/)) await import(file);
  return registeredEntries();
}

/**
 * Whether an entry counts refused attempts on purpose, so a refusal may move the throttles table: a check-in link's
 * submits (its rate limit) and the entries that declare themselves throttled (sign-up, a password check).
 */
export function countsRefusedAttempts(entry: RegistryEntry): boolean {
  if (entry.entry === "token") return entry.expect.token === "checkIn" || entry.expect.throttled === true;
  return entry.entry !== "member" && entry.expect?.throttled === true;
}
