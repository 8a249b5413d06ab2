import { AsyncLocalStorage } from "node:async_hooks";
import type { DbOrTx } from "@/db/client";
import { asMailWorker } from "@/db/tenant";
import {
  claimDueMails,
  markMailFailed,
  markMailRetry,
  markMailSent,
  nextMailDueAt,
  pruneAccountMails,
  type ClaimedMail,
  type OutboxScope,
} from "@/db/queries/mail";
import { renderMail } from "./render";
import { classifyMailError, type MailTransport } from "./transport";

export type DeliveryOptions = {
  transport: MailTransport;
  /** Seconds before the first retry; doubled for each further one, at most an hour. */
  retrySeconds: number;
  /** Attempts before a temporarily failing mail is given up. */
  maxAttempts?: number;
  /** How long a claim holds: a mail still "sending" after this (its worker died) is taken again. */
  leaseSeconds?: number;
  batch?: number;
  log?: (line: string) => void;
};

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 300;
const BATCH = 20;

/** Seconds to wait after the `attempts`-th attempt failed for the time being. */
export function retryDelaySeconds(attempts: number, retrySeconds: number): number {
  return Math.min(3600, retrySeconds * 2 ** Math.max(0, attempts - 1));
}

export type DeliveryCounts = { sent: number; retried: number; failed: number };

/**
 * Sends every mail that is due, from both outboxes, batch by batch. Each batch is claimed and committed first, then
 * each mail is sent and its outcome recorded. A crash between a send and its record leaves the mail "sending" until
 * its lease runs out, and it is sent again: a mail can be repeated, never lost.
 */
export async function deliverDueMails(db: DbOrTx, options: DeliveryOptions): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  const scopes: OutboxScope[] = ["account", "org"];
  const batch = options.batch ?? BATCH;
  for (let more = true; more;) {
    more = false;
    for (const scope of scopes) {
      const mails = await asMailWorker(db, (tx) => claimDueMails(tx, scope, batch, options.leaseSeconds ?? LEASE_SECONDS));
      for (const mail of mails) counts[await deliverOne(db, mail, options)]++;
      more ||= mails.length === batch; // a full batch: there may be more
    }
  }
  return counts;
}

async function deliverOne(db: DbOrTx, mail: ClaimedMail, options: DeliveryOptions): Promise<keyof DeliveryCounts> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  if (mail.attempts > maxAttempts) {
    // Its worker died mid-send too often: stop.
    await asMailWorker(db, (tx) => markMailFailed(tx, mail, `gave up after ${maxAttempts} attempts`));
    return "failed";
  }
  try {
    await options.transport.send(await renderMail(mail));
  } catch (error) {
    const { permanent, message } = classifyMailError(error);
    if (permanent || mail.attempts >= maxAttempts) {
      await asMailWorker(db, (tx) => markMailFailed(tx, mail, permanent ? message : `${message} (gave up after ${mail.attempts} attempts)`));
      options.log?.(`Mail ${mail.id} (${mail.kind}) failed: ${message}`);
      return "failed";
    }
    await asMailWorker(db, (tx) => markMailRetry(tx, mail, message, retryDelaySeconds(mail.attempts, options.retrySeconds)));
    options.log?.(`Mail ${mail.id} (${mail.kind}) will be retried: ${message}`);
    return "retried";
  }
  await asMailWorker(db, (tx) => markMailSent(tx, mail));
  return "sent";
}

export type MailWorker = {
  /** Look for due mail now (also called by every commit that queued mail, through NOTIFY). */
  nudge(): void;
  /** Stops polling and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
  /** Resolves when no round is running or pending (tests). */
  idle(): Promise<void>;
};

export type WorkerOptions = DeliveryOptions & {
  db: () => Promise<DbOrTx>;
  /** Subscribes to the database's notifications of queued mail; returns the unsubscribe. */
  listen?: (onNotify: () => void) => Promise<() => Promise<void>>;
  /** The longest sleep between rounds, for mails due later (retries) and missed notifications. */
  pollMs?: number;
};

const POLL_MS = 15_000;
const PRUNE_EVERY_MS = 60 * 60_000;
const ACCOUNT_MAIL_DAYS = 7;

/**
 * Runs rounds of deliverDueMails: at start, when nudged, and then at the earlier of the next due mail and the poll
 * interval. One round at a time per process; several processes share the outboxes safely (claims skip locked rows).
 * Its timers are unref'd: it never keeps a process alive.
 */
export function startMailWorker(options: WorkerOptions): MailWorker {
  const pollMs = options.pollMs ?? POLL_MS;
  // A nudge comes from a NOTIFY, whose callback the embedded database runs inside the committing request; rounds run
  // in the context the worker started in instead, so their statements (and their timers') are never the request's.
  const inStartContext = AsyncLocalStorage.snapshot();
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;
  let unlisten: (() => Promise<void>) | undefined;

  const sleep = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(nudge, Math.max(10, Math.min(ms, pollMs))).unref();
  };

  // Subscribed on the first round that reaches the database (it may be down when the server starts).
  let listening: Promise<void> | undefined;
  const listen = () =>
    options.listen!(nudge).then(
      (off) => {
        unlisten = off;
        if (stopped) void off();
      },
      (error) => {
        listening = undefined;
        options.log?.(`Mail worker: no notifications yet (${(error as Error).message}); polling.`);
      },
    );

  async function round() {
    let wait = pollMs;
    try {
      const db = await options.db();
      if (options.listen && !listening) listening = listen();
      do {
        again = false;
        await deliverDueMails(db, options);
      } while (again && !stopped);
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        await pruneAccountMails(db, ACCOUNT_MAIL_DAYS);
        lastPrune = Date.now();
      }
      const due = await asMailWorker(db, nextMailDueAt);
      if (due) wait = due.getTime() - Date.now();
    } catch (error) {
      options.log?.(`Mail worker: ${(error as Error).message}; trying again in ${Math.round(pollMs / 1000)} s.`);
    }
    sleep(wait);
  }

  function nudge() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = inStartContext(() =>
      round().finally(() => {
        running = null;
      }),
    );
  }

  nudge();

  return {
    nudge,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await listening;
      await unlisten?.().catch(() => {});
      options.transport.close();
    },
    async idle() {
      while (running) await running;
    },
  };
}
