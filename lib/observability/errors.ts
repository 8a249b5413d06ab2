import { liveEnv } from "@/lib/env";
import { log } from "./log";
import { REQUEST_ID_HEADER } from "./request-id";

/** What Next hands instrumentation's onRequestError (Next 16). */
export type ErroredRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
export type ErrorContext = { routerKind: string; routePath: string; routeType: string };

export type ErrorReport = {
  requestId?: string;
  /** The reference the person sees on the error page ("Reference: …"): search the log for it. */
  digest?: string;
  method: string;
  /** The route's pattern (/o/[slug]/check-in/[token]), never the path: a path can hold a token. */
  route: string;
  routeType: string;
  error: { name: string; message: string; stack?: string };
};

/**
 * A message without what may follow it from the request: drizzle appends a failed query's parameters (what
 * someone typed) after "params:". The stack keeps only its frames (its first line repeats the message).
 */
function withoutInput(error: unknown): ErrorReport["error"] {
  const e = error instanceof Error ? error : new Error(String(error));
  const message = e.message.split(/\nparams:/)[0]!.slice(0, 2000);
  const frames = e.stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  return { name: e.name, message, ...(frames ? { stack: frames } : {}) };
}

export function errorReport(error: unknown, request: ErroredRequest, context: ErrorContext): ErrorReport {
  const id = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: unknown } | null)?.digest;
  return {
    requestId: Array.isArray(id) ? id[0] : id,
    digest: typeof digest === "string" ? digest : undefined,
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    error: withoutInput(error),
  };
}

/**
 * Every unhandled error of a request: one JSON log line with the digest the person sees, and, when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set, the same record sent as an OpenTelemetry log (OTLP/HTTP JSON) to
 * `<endpoint>/v1/logs` — a collector can pass it on to any backend (Sentry, Honeycomb, Grafana…).
 */
export async function reportRequestError(error: unknown, request: ErroredRequest, context: ErrorContext): Promise<void> {
  const report = errorReport(error, request, context);
  log.error({ ...report, outcome: "error" }, `Unhandled error${report.digest ? ` ${report.digest}` : ""} on ${report.method} ${report.route}`);
  const endpoint = liveEnv.otlpEndpoint();
  if (endpoint) await exportOtlp(endpoint, report);
}

async function exportOtlp(endpoint: string, report: ErrorReport): Promise<void> {
  const attributes = Object.entries({
    "request.id": report.requestId,
    "error.digest": report.digest,
    "http.request.method": report.method,
    "http.route": report.route,
    "exception.type": report.error.name,
    "exception.message": report.error.message,
    "exception.stacktrace": report.error.stack,
  })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: { stringValue: String(value) } }));
  const body = {
    resourceLogs: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: liveEnv.otelServiceName() } }] },
        scopeLogs: [
          {
            scope: { name: "coachgrid" },
            logRecords: [
              {
                timeUnixNano: String(Date.now() * 1_000_000),
                severityNumber: 17,
                severityText: "ERROR",
                body: { stringValue: `Unhandled error ${report.digest ?? ""}`.trim() },
                attributes,
              },
            ],
          },
        ],
      },
    ],
  };
  try {
    const response = await fetch(`${endpoint.replace(/\/$/, "")}/v1/logs`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok) log.warn({ status: response.status }, "OpenTelemetry export refused the error report");
  } catch (failure) {
    log.warn({ reason: (failure as Error).message }, "OpenTelemetry export failed");
  }
}
