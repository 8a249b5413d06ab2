import { downloadResponse } from "@/lib/download";
import { loadGridExport } from "@/lib/grid/loaders";

/** GET /o/{slug}/grid/export?team=&cycle=&view=: the grid in that view as a CSV download. */
export async function GET(request: Request, { params }: RouteContext<"/o/[slug]/grid/export">) {
  const { slug } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { fileName, csv } = await loadGridExport(slug, query);
  return downloadResponse(`\uFEFF${csv}`, { name: fileName, type: "text/csv" });
}
