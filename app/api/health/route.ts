export const dynamic = "force-dynamic";

/** Liveness for load balancers: the process answers. Touches no database (see /api/ready for that). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
