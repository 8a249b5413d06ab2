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

/**
 * When a public URL is set and a form came from another address of this same server (the browser's Origin is the
 * Host the request came to: 127.0.0.1 or the machine's name instead of localhost), not from another site: what to
 * tell the person and what to tell the operator. Undefined for anything else (a foreign site, no Origin).
 */
export function wrongAddress(origin: string | null, publicUrl: string | undefined, host: string | null): { page: string; log: string } | undefined {
  if (!publicUrl || !origin || !host) return undefined;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return undefined;
  }
  const expected = new URL(publicUrl).origin;
  if (from.host !== host || from.origin === expected) return undefined;
  return {
    page: `Coachgrid is set up to be used at ${expected}, not at ${from.origin}. Open ${expected} and try again.`,
    log:
      `A form was sent from ${from.origin} but NEXTAUTH_URL is ${expected}, so it was refused. ` +
      `Open the app at ${expected}, or set NEXTAUTH_URL=${from.origin} if that is its public address, ` +
      `or leave NEXTAUTH_URL unset to accept whatever address the app is opened at.`,
  };
}

/** HSTS once the public URL is https: browsers then refuse plain http to this host for two years. */
export function transportHeaders(publicUrl: string | undefined): Record<string, string> {
  return publicUrl?.startsWith("https://") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}
