import { takeQueryTotal } from "@/db/query-counter";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Test hook: the number of SQL statements run since the previous call. A test resets it, requests a page,
 * then reads the page's count. Absent (404) unless COACHGRID_TEST_HOOKS=1.
 */
export function GET() {
  if (env().COACHGRID_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  return Response.json({ queries: takeQueryTotal() });
}
