import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env` (validated, parsed once, lazily so
 * `next build` and scripts can import modules without a full runtime config) or `liveEnv` (below).
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** A PostgreSQL server. When unset, the embedded database in DATA_DIR is used. */
    DATABASE_URL: z.string().url().optional(),
    /**
     * The owner of the tables, for migrations and the database scripts (seed), when DATABASE_URL connects as the app's
     * own role, which owns nothing (docs/rls.md). Unset: DATABASE_URL does both.
     */
    DATABASE_MIGRATION_URL: z.string().url().optional(),
    /** Folder of the embedded database (PGlite). */
    DATA_DIR: z.string().default(".data"),
    /**
     * Public URL of the app; decides Secure cookies, and server actions must then come from it. Unset: the app
     * answers at whatever address it is opened at (each request's own Host), with plain-http cookies.
     */
    NEXTAUTH_URL: z.string().url().optional(),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    /**
     * How many proxies (load balancers) sit in front of the app and append to X-Forwarded-For. Unset: none, so
     * the header is ignored (anyone can forge it) and sign-in is throttled per account only. Set: also per
     * client address, taken as the Nth entry from the right of X-Forwarded-For.
     */
    TRUST_PROXY: z.coerce.number().int("TRUST_PROXY is the number of proxies in front of the app, e.g. 1.").min(1).max(10).optional(),
    /**
     * Where mail goes: an SMTP server, e.g. `smtps://user:pass@smtp.example.com:465` or `smtp://host:587` (STARTTLS
     * when offered). Unset: the local mailbox, `.eml` files in DATA_DIR/mail plus a console line (lib/mail/transport.ts).
     */
    SMTP_URL: z
      .string()
      .url()
      .refine((url) => /^smtps?:$/.test(new URL(url).protocol), "SMTP_URL must start with smtp:// or smtps://.")
      .optional(),
    /** The sender of every mail, e.g. `Coachgrid <coachgrid@example.com>`. Required with SMTP_URL. */
    MAIL_FROM: z.string().min(3).optional(),
    /** Seconds before the first retry of a temporarily failed mail; each further retry waits twice as long (at most an hour). */
    MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /**
     * `transaction` when DATABASE_URL goes through a pooler in transaction mode (PgBouncer before 1.21, most hosted
     * PostgreSQL "pooled" URLs): no named prepared statements, which such a pooler cannot route to their connection.
     */
    DATABASE_POOLER: z.enum(["transaction", "none"]).default("none"),
    /** Log level of the JSON logs (pino): `silent` turns them off. */
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional(),
    /** Exposes /api/test/* helpers (query counter). Only the test runner sets it. */
    COACHGRID_TEST_HOOKS: z.enum(["0", "1"]).default("0"),
    /**
     * Serves the benchmark's trivial page and action (/o/{slug}/bench, bench.ping). Only `npm run bench` sets it:
     * anywhere else they answer 404, so no member can fill the audit log with pings.
     */
    COACHGRID_BENCH: z.enum(["0", "1"]).default("0"),
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, {
    message: "MAIL_FROM is required when SMTP_URL is set, e.g. MAIL_FROM='Coachgrid <coachgrid@example.com>'.",
    path: ["MAIL_FROM"],
  });

export type Env = z.infer<typeof schema> & { dataDir: string };

let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const raw = schema.parse({
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || undefined,
      DATABASE_MIGRATION_URL: process.env.DATABASE_MIGRATION_URL || undefined,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
      DATABASE_POOLER: process.env.DATABASE_POOLER || undefined,
      LOG_LEVEL: process.env.LOG_LEVEL || undefined,
      TRUST_PROXY: process.env.TRUST_PROXY || undefined,
      SMTP_URL: process.env.SMTP_URL || undefined,
      MAIL_FROM: process.env.MAIL_FROM || undefined,
      MAIL_RETRY_SECONDS: process.env.MAIL_RETRY_SECONDS || undefined,
    });
    parsed = { ...raw, dataDir: path.resolve(raw.DATA_DIR) };
  }
  return parsed;
}

/**
 * Settings read afresh on every call, not once: the proxy's (it runs before every request and tests change its
 * settings from case to case), the page cache's switches and the error exporter's endpoint. None can make the app
 * refuse to start, so they are not validated with the rest.
 */
export const liveEnv = {
  /** NEXTAUTH_URL as the proxy compares Origins with it; unset or empty: none. */
  publicUrl: (): string | undefined => process.env.NEXTAUTH_URL || undefined,
  /** TRUST_PROXY is set: a request id from X-Request-Id is kept. */
  behindProxy: (): boolean => Boolean(process.env.TRUST_PROXY),
  development: (): boolean => process.env.NODE_ENV === "development",
  production: (): boolean => process.env.NODE_ENV === "production",
  /** `COACHGRID_REVISION_CACHE=off` turns the page cache off (lib/chain/revision-cache.ts). */
  revisionCacheOn: (): boolean => process.env.COACHGRID_REVISION_CACHE !== "off",
  /** `COACHGRID_REVISION_CACHE_MB`: the page cache's size; NaN when it is not a number (the cache then takes 64). */
  revisionCacheMegabytes: (): number => Number(process.env.COACHGRID_REVISION_CACHE_MB ?? 64),
  /** Where unhandled errors also go as OpenTelemetry logs (lib/observability/errors.ts). */
  otlpEndpoint: (): string | undefined => process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
  otelServiceName: (): string => process.env.OTEL_SERVICE_NAME ?? "coachgrid",
};
