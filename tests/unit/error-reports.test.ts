import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/observability/log";
import { errorReport, reportRequestError } from "@/lib/observability/errors";

const request = { path: "/o/acme/check-in/secret-token-123?x=1", method: "POST", headers: { "x-request-id": "req-1" } };
const context = { routerKind: "App Router", routePath: "/o/[slug]/check-in/[token]", routeType: "action" };

function failedQuery(): Error {
  const error = new Error('Failed query: insert into "notes" ("body") values ($1)\nparams: what someone typed');
  return Object.assign(error, { digest: "2417853901" });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("unhandled errors (instrumentation.ts onRequestError)", () => {
  it("are logged with the digest the error page shows, the route's pattern and the request id, without typed text or tokens", async () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    await reportRequestError(failedQuery(), request, context);
    const [fields, message] = error.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(message).toBe("Unhandled error 2417853901 on POST /o/[slug]/check-in/[token]");
    expect(fields).toMatchObject({ digest: "2417853901", requestId: "req-1", route: "/o/[slug]/check-in/[token]", outcome: "error" });
    expect(JSON.stringify(fields)).not.toMatch(/what someone typed|secret-token-123/);
  });

  it("are sent as an OpenTelemetry log record when OTEL_EXPORTER_OTLP_ENDPOINT is set", async () => {
    vi.spyOn(log, "error").mockImplementation(() => {});
    const received: { url?: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ url: req.url, body });
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await reportRequestError(failedQuery(), request, context);
    } finally {
      server.close();
    }
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe("/v1/logs");
    const record = JSON.parse(received[0]!.body).resourceLogs[0].scopeLogs[0].logRecords[0];
    expect(record.severityText).toBe("ERROR");
    expect(record.attributes).toContainEqual({ key: "error.digest", value: { stringValue: "2417853901" } });
    expect(received[0]!.body).not.toMatch(/what someone typed|secret-token-123/);
  });

  it("keep only the stack's frames", () => {
    const report = errorReport(failedQuery(), request, context);
    expect(report.error.message).toBe('Failed query: insert into "notes" ("body") values ($1)');
    expect(report.error.stack?.split("\n").every((line) => line.startsWith("    at "))).toBe(true);
  });
});
