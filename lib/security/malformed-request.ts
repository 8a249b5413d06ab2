import { isActionPost } from "./origin";

/**
 * Next.js's limit on a server action's body (`serverActions.bodySizeLimit` in next.config.js): 3 MB, room for the
 * people import's 2 MB file as a form field.
 */
export const ACTION_BODY_LIMIT = 3 * 1024 * 1024;

export type MalformedRefusal = { status: 400 | 413; message: string };

/**
 * Requests Next.js itself would answer with a 500 (an error logged as a crash, and for a bad path no security
 * headers), refused by the proxy first with a 4xx:
 * - a path with broken percent-encoding (`/o/x/join/%E0`): Next fails to decode the dynamic segment;
 * - a server action whose declared body is over Next's limit.
 * What the proxy cannot see or check cleanly (a broken body, a forged router state header, which Next removes
 * from the request before the proxy runs) is listed in docs/security.md.
 */
export function malformedRequest(method: string, pathname: string, headers: Headers): MalformedRefusal | undefined {
  if (!decodable(pathname)) return { status: 400, message: "This address is not valid." };
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
