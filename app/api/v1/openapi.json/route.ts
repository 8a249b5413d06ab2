import { NextResponse } from "next/server";
import { describeApi } from "@/lib/results/api";

/** The OpenAPI description of the REST API, generated from the zod schemas it validates with. */
export async function GET(request: Request) {
  const outcome = await describeApi({ serverUrl: new URL(request.url).origin });
  if (outcome.status !== "ok") return NextResponse.json({ error: { code: "not_found", message: outcome.message } }, { status: 404 });
  return NextResponse.json(outcome.data, { headers: { "Cache-Control": "public, max-age=300" } });
}
