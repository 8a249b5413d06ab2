export type AuditFilters = { actor?: string; action?: string; from?: string; to?: string };

/** The audit log's address for these filters and page; empty filters and page 1 stay out of the URL. */
export function auditHref(slug: string, filters: AuditFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/o/${slug}/audit${query ? `?${query}` : ""}`;
}
