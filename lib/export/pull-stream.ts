/**
 * A byte stream written by a producer that runs only as fast as the reader reads: `write` resolves once the reader
 * wants more, so at most a chunk or two is ever queued, whatever the download's size. The producer starts on the
 * first read (never for a response nobody reads) and is told to stop (its pending `write` rejects) when the reader
 * cancels (the browser went away) or stops reading for `stallMs`, so what it holds open (a database transaction)
 * is let go.
 */
export class StreamStopped extends Error {
  constructor(reason: string) {
    super(`The download stopped: ${reason}`);
  }
}

export function pullStream(produce: (write: (text: string) => Promise<void>) => Promise<void>, { stallMs }: { stallMs: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let started = false;
  let stopped: StreamStopped | undefined;
  let wake: (() => void) | undefined;

  async function write(text: string): Promise<void> {
    if (stopped) throw stopped;
    controller.enqueue(encoder.encode(text));
    while (!stopped && (controller.desiredSize ?? 0) <= 0) {
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
  }

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        if (!started) {
          started = true;
          produce(write).then(
            () => controller.close(),
            (error: unknown) => {
              if (!stopped) controller.error(error);
            },
          );
        }
        wake?.();
      },
      cancel() {
        stopped = new StreamStopped("the reader cancelled");
        wake?.();
      },
    },
    { highWaterMark: 1 },
  );
}
