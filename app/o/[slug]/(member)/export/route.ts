import { downloadResponse } from "@/lib/download";
import { loadOrganisationExport } from "@/lib/export/loaders";

/** GET /o/{slug}/export: the organisation's data as a JSON download, streamed (admins; the loader refuses others). */
export async function GET(_request: Request, { params }: RouteContext<"/o/[slug]/export">) {
  const { slug } = await params;
  const { fileName, stream } = await loadOrganisationExport(slug);
  return downloadResponse(stream, { name: fileName, type: "application/json" });
}
