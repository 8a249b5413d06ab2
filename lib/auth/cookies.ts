/**
 * The session cookie, stated explicitly rather than left to next-auth's defaults: HttpOnly (no script reads it),
 * SameSite=Lax (not sent on another site's POST), and over https Secure with the `__Secure-` prefix (the browser
 * refuses to set it without Secure, so a plain-http response cannot plant one).
 */
export function isSecureUrl(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

export function sessionCookie(secure: boolean) {
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** Both names, for code that only asks whether a session cookie is present (the proxy's redirect). */
export const SESSION_COOKIE_NAMES = [sessionCookie(false).name, sessionCookie(true).name];
