import { downloadResponse } from "@/lib/download";
import { loadPeopleExport } from "@/lib/people-import/loaders";

/** GET /o/{slug}/members/export: the people as a CSV download, in the format the import reads. */
export async function GET(_request: Request, { params }: RouteContext<"/o/[slug]/members/export">) {
  const { slug } = await params;
  const { fileName, csv } = await loadPeopleExport(slug);
  return downloadResponse(csv, { name: fileName, type: "text/csv" });
}
