import { loadCalibrationCsv } from "@/lib/calibration/loaders";
import { downloadResponse } from "@/lib/download";

/** GET /o/{slug}/calibration/export?cycle=: how each leader rates, as a CSV download. */
export async function GET(request: Request, { params }: RouteContext<"/o/[slug]/calibration/export">) {
  const { slug } = await params;
  const { fileName, csv } = await loadCalibrationCsv(slug, Object.fromEntries(new URL(request.url).searchParams));
  return downloadResponse(csv, { name: fileName, type: "text/csv" });
}
