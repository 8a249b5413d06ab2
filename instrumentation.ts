import type { Instrumentation } from "next";

/** Runs once when the server starts; the Node.js part lives in its own modules (the Edge bundle skips them). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    await import("./db/open-on-start");
    const [{ inBackground }, { startHousekeeping }, { startServerMail }, { startDigestSchedule }] = await Promise.all([
      import("./db/query-counter"),
      import("./lib/housekeeping"),
      import("./lib/mail/start"),
      import("./lib/digest/scheduler"),
    ]);
    inBackground(() => {
      startHousekeeping();
      startServerMail();
      startDigestSchedule();
    });
  }
}

/** Every unhandled error, logged with the digest the error page shows (lib/observability/errors.ts). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/observability/errors");
  await reportRequestError(error, request, context);
};
