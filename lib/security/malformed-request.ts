import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { isActionPost } from "./origin";

/** Next.js's limit on a server action's body (`serverActions.bodySizeLimit`, left at its default). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type MalformedRefusal = { status: 400 | 413; message: string };

/**
 * Requests Next.js itself would answer with a 500 (an error logged as a crash, and for a bad path no security
 * headers), refused by the proxy first with a 4xx:
 * - a path with broken percent-encoding (`/o/x/join/%E0`): Next fails to decode the dynamic segment;
 * - a router state header Next cannot parse (its own parser decides, so the two never disagree);
 * - a server action whose declared body is over Next's limit.
 * What is left (a broken body, or one over the limit without Content-Length) is listed in docs/security.md.
 */
export function malformedRequest(method: string, pathname: string, headers: Headers): MalformedRefusal | undefined {
  if (!decodable(pathname)) return { status: 400, message: "This address is not valid." };
  const routerState = headers.get("next-router-state-tree");
  if (routerState !== null && !validRouterState(routerState)) return { status: 400, message: "This request is not valid. Reload the page." };
  if (isActionPost(method, pathname) && Number(headers.get("content-length")) > ACTION_BODY_LIMIT) {
    return { status: 413, message: "This request is too large." };
  }
  return undefined;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function validRouterState(value: string): boolean {
  try {
    parseAndValidateFlightRouterState(value);
    return true;
  } catch {
    return false;
  }
}
