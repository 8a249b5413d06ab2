import type { Instrumentation } from "next";

/** Runs once when the server starts; the Node.js part lives in its own module (the Edge bundle skips it). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    await import("./db/open-on-start");
    (await import("./lib/housekeeping")).startHousekeeping();
  }
}

/** Every unhandled error, logged with the digest the error page shows (lib/observability/errors.ts). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/observability/errors");
  await reportRequestError(error, request, context);
};
