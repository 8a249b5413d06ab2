import { loadPeopleExport } from "@/lib/people-import/loaders";

/** GET /o/{slug}/members/export: the people as a CSV download, in the format the import reads. */
export async function GET(_request: Request, { params }: RouteContext<"/o/[slug]/members/export">) {
  const { slug } = await params;
  const { fileName, csv } = await loadPeopleExport(slug);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
