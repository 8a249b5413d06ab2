import path from "node:path";

/** Where the global setup leaves the migrated embedded template for test files to load. */
export const PGLITE_TEMPLATE = path.resolve(".test-data", "pglite-template.tar");
/** The PostgreSQL database every test database is copied from. */
export const PG_TEMPLATE_DB = "coachgrid_test_template";

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
