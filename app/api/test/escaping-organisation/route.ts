import { getDb } from "@/db/client";
import { createEscapingOrganisation } from "./organisation-copy";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Test hook: copies the demo organisation with HTML payloads in every free-text column (see the module) and
 * answers with its slug, the columns written and the members' sign-ins. Absent (404) unless COACHGRID_TEST_HOOKS=1.
 */
export async function POST() {
  if (env().COACHGRID_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  return Response.json(await createEscapingOrganisation(await getDb(), "brightwater"));
}
