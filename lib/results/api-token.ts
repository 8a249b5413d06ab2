import { newToken } from "@/lib/tokens";

/** Every API token starts so, which makes a leaked one easy to recognise (and to search for in code). */
const API_TOKEN_PREFIX = "cg_";

/** A new API token, and the first characters of it that are stored to tell tokens apart. */
export function newApiToken(): { token: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}
