import pino from "pino";
import { env } from "@/lib/env";

/**
 * The app's structured log: one JSON object a line on stdout (pino), for a log collector to index. Quiet under
 * vitest unless LOG_LEVEL asks. Fields are ids, names and outcomes only: never a token, a password, a link with
 * a token in it, or text someone typed (which is why callers pass chosen fields, never a request body or input).
 */
export const log = pino({
  level: env().LOG_LEVEL ?? (env().NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "coachgrid" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  // A last guard should a caller pass more than it should.
  redact: { paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "authorization", "*.authorization"], censor: "[redacted]" },
});
