/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(next: string | undefined | null, fallback = "/o"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
