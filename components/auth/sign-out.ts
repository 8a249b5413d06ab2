/**
 * Signs out through next-auth's endpoint as its client does (a CSRF token, then a POST that clears the session
 * cookie), then loads `then` (the sign-in page unless told). Written out here so the header does not ship
 * next-auth's whole client (about 12 KB gzip) for one call.
 */
export async function signOut(then = "/login"): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: then, json: "true" }),
  });
  // A full load, not a client navigation: nothing of the signed-in pages stays in the router's cache.
  window.location.href = then;
}
