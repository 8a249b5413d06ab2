/**
 * A file download's response (the CSVs and the JSON export): saved under its name, never cached, and never read by
 * the browser as anything but its type.
 */
export function downloadResponse(body: BodyInit, file: { name: string; type: "text/csv" | "application/json" }): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${file.type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
