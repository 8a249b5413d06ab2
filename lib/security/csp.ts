/**
 * The Content-Security-Policy, made per request by the proxy. Scripts run only from this origin and with this
 * request's nonce: Next.js reads the nonce from the policy on the request and puts it on its own scripts (its
 * inline bootstrap included), and 'strict-dynamic' lets those load the page's chunks. An injected <script> has
 * no nonce, so it does not run even if escaping failed somewhere. Development also needs 'unsafe-eval' (React's
 * error overlay) and the hot-reload socket. Styles stay 'unsafe-inline': style attributes cannot carry a nonce.
 * No plugins, no <base> rewriting, no framing, forms post only here.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh one for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
