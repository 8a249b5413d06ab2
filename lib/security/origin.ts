/**
 * Server actions are public endpoints that a browser on another site could be tricked into calling (CSRF).
 * Next.js refuses a foreign Origin but lets a request with no Origin through with a warning; we refuse both.
 * The expected origin is the app's public URL (NEXTAUTH_URL); without one, the address the request came to.
 */
export function expectedOrigin(publicUrl: string | undefined, requestUrl: URL, host: string | null): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${requestUrl.protocol}//${host ?? requestUrl.host}`;
}

/** Writes that arrive as page POSTs: server actions (with or without JavaScript). API routes have their own checks. */
export function isActionPost(method: string, pathname: string): boolean {
  return method === "POST" && !pathname.startsWith("/api/");
}

export function originAllowed(origin: string | null, expected: string): boolean {
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/** HSTS once the public URL is https: browsers then refuse plain http to this host for two years. */
export function transportHeaders(publicUrl: string | undefined): Record<string, string> {
  return publicUrl?.startsWith("https://") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}
