/** The header the proxy gives every request (kept from a trusted proxy's X-Request-Id, else new): logs carry it. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A load balancer's id is kept only when the app trusts its proxies (TRUST_PROXY); otherwise a new one. */
export function requestIdFor(incoming: string | null, trustProxy: boolean): string {
  if (trustProxy && incoming && /^[\w.:-]{1,128}$/.test(incoming)) return incoming;
  return crypto.randomUUID();
}
