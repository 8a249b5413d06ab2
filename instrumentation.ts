/** Runs once when the server starts; the Node.js part lives in its own modules (the Edge bundle skips them). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    await import("./db/open-on-start");
    (await import("./lib/mail/start")).startServerMail();
    (await import("./lib/digest/scheduler")).startDigestSchedule();
  }
}
