import { apiAnswer, readJsonBody } from "@/lib/results/api-http";
import { putResults } from "@/lib/results/api";

/** The REST API's one write (docs/api.md): the work is lib/results/api.ts, through the chain's API-token entry. */
export async function PUT(request: Request, { params }: RouteContext<"/api/v1/organisations/[slug]/cycles/[cycleId]/results">) {
  const { slug, cycleId } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  return apiAnswer(await putResults(slug, bearer, { ...body.value, cycleId }));
}
