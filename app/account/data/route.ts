import { loadPersonalData } from "@/lib/accounts/personal-data";

/** GET /account/data: the signed-in person's own data as a JSON download (signed out: to sign in). */
export async function GET() {
  const { fileName, data } = await loadPersonalData();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
