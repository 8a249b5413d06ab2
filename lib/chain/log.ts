import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { log } from "@/lib/observability/log";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import type { Outcome } from "./outcome";

type Who = { orgId?: string; userId?: string };
const current = new AsyncLocalStorage<Who>();

/** The chain notes whom it resolved (signed-in person, organisation) for the call's log line. */
export function noteWho(who: Who): void {
  Object.assign(current.getStore() ?? {}, who);
}

async function requestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined; // called outside a request (tests, scripts)
  }
}

/**
 * Wraps an entry's call: one log line per action, loader or route call with its outcome (`ok` or the failure
 * code, `error` when it threw) and duration. Never the input: it may hold what someone typed.
 */
export function logged<A extends unknown[], R>(
  kind: "action" | "page" | "layout" | "route",
  name: string,
  call: (...args: A) => Promise<Outcome<R>>,
) {
  return (...args: A): Promise<Outcome<R>> => {
    const who: Who = {};
    return current.run(who, async () => {
      const started = performance.now();
      const line = async (outcome: string, level: "info" | "error" = "info") =>
        log[level](
          { requestId: await requestId(), kind, name, ...who, outcome, durationMs: Math.round(performance.now() - started) },
          `${kind} ${name}: ${outcome}`,
        );
      try {
        const outcome = await call(...args);
        await line(outcome.status === "ok" ? "ok" : outcome.code);
        return outcome;
      } catch (error) {
        // Next's redirect()/notFound() are thrown on purpose; anything else is reported by instrumentation.ts.
        await line(isNavigation(error) ? "navigation" : "error", isNavigation(error) ? "info" : "error");
        throw error;
      }
    });
  };
}

function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}
