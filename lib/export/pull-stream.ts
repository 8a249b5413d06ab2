/**
 * A byte stream written by a producer that runs only as fast as the reader reads: each `write` waits until the
 * reader asks for a chunk, so nothing is queued ahead of it whatever the download's size. The producer starts on the
 * first read (never for a response nobody reads: the queue holds nothing, so the stream does not pull on its own) and
 * is told to stop (its pending `write` rejects) when the reader cancels (the browser went away) or asks for nothing
 * for `stallMs`, so what it holds open (a database transaction) is let go.
 */
export class StreamStopped extends Error {
  constructor(reason: string) {
    super(`The download stopped: ${reason}`);
  }
}

export function pullStream(
  produce: (write: (text: string) => Promise<void>) => Promise<void>,
  { stallMs }: { stallMs: number },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let started = false;
  let stopped: StreamStopped | undefined;
  /** A read is waiting for a chunk. */
  let asked = false;
  let wake: (() => void) | undefined;

  async function write(text: string): Promise<void> {
    while (!stopped && !asked) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(() => {
          stopped = new StreamStopped(`no read for ${stallMs / 1000} s`);
          controller.error(stopped);
          resolve();
        }, stallMs);
      });
      clearTimeout(timer);
    }
    if (stopped) throw stopped;
    asked = false;
    controller.enqueue(encoder.encode(text));
  }

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        asked = true;
        wake?.();
        if (started) return;
        started = true;
        produce(write).then(
          () => controller.close(),
          (error: unknown) => {
            if (!stopped) controller.error(error);
          },
        );
      },
      cancel() {
        stopped = new StreamStopped("the reader cancelled");
        wake?.();
      },
    },
    { highWaterMark: 0 },
  );
}
