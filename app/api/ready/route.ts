import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/** Readiness for load balancers: 200 when the database answers and its migrations are current, else 503. */
export async function GET() {
  const state = await readiness();
  return Response.json(state.ready ? { status: "ready" } : { status: "not_ready", reason: state.reason }, {
    status: state.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
