import { NextResponse } from "next/server";
import type { Outcome } from "@/lib/chain/outcome";

/** The largest body the API reads (5,000 results fit in well under 1 MB). */
const BODY_LIMIT = 2 * 1024 * 1024;

type ErrorCode = "unauthorized" | "forbidden" | "not_found" | "invalid" | "rate_limited" | "bad_request";

function apiError(status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status, headers });
}

/** The request's JSON body, an object; or the 400/413/422 answer. */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: NextResponse }> {
  if (Number(request.headers.get("content-length")) > BODY_LIMIT) {
    return { ok: false, response: apiError(413, "bad_request", "The body is too large: send at most 2 MB per call.") };
  }
  const text = await request.text();
  if (text.length > BODY_LIMIT) return { ok: false, response: apiError(413, "bad_request", "The body is too large: send at most 2 MB per call.") };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      response: apiError(400, "bad_request", 'The body is not JSON. Send { "results": [ … ] } with Content-Type: application/json.'),
    };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, response: apiError(422, "invalid", 'The body must be a JSON object: { "results": [ … ] }.') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** A chain outcome as the API's answer: 200 with the data, or the status and JSON error body of docs/api.md. */
export function apiAnswer(outcome: Outcome<unknown>): NextResponse {
  if (outcome.status === "ok") return NextResponse.json(outcome.data);
  const details = (outcome.details ?? {}) as { rows?: unknown; retryAfterSeconds?: number };
  switch (outcome.code) {
    case "unauthenticated":
      return apiError(401, "unauthorized", outcome.message, {}, { "WWW-Authenticate": 'Bearer realm="coachgrid"' });
    case "forbidden":
      return apiError(403, "forbidden", outcome.message);
    case "not_found":
      return apiError(404, "not_found", outcome.message);
    case "invalid":
      // Per-result problems come as `rows`; problems with the body's shape as `fields`, by path.
      if (details.rows) return apiError(422, "invalid", outcome.message, { rows: details.rows });
      return apiError(422, "invalid", "The body is not valid. Nothing was written.", { fields: outcome.fieldErrors ?? {} });
    case "conflict":
      return details.retryAfterSeconds
        ? apiError(429, "rate_limited", outcome.message, {}, { "Retry-After": String(details.retryAfterSeconds) })
        : apiError(409, "invalid", outcome.message);
  }
}
