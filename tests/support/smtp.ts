import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** What the test SMTP server answers to each mail: accept it, or refuse it with a code and text. */
type SmtpBehaviour = { accept: true } | { accept: false; code: number; text: string };

export type TestSmtpServer = {
  url: string;
  port: number;
  /** Every mail accepted so far, parsed. */
  received: ParsedMail[];
  /** Resolves once `count` mails have been accepted (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  behave(behaviour: SmtpBehaviour): void;
  close(): Promise<void>;
};

/** A real SMTP server on 127.0.0.1 (the `smtp-server` package), for tests: no mail leaves the machine. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let behaviour: SmtpBehaviour = { accept: true };
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const answer = behaviour;
      simpleParser(stream).then(
        (mail) => {
          if (!answer.accept) return callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
          received.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    behave: (b) => {
      behaviour = b;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, received ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
