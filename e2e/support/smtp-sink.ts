/**
 * The browser tests' mail server: a real SMTP server on 127.0.0.1 (the `smtp-server` package) that the app under test
 * sends to (SMTP_URL in playwright.config.ts). It keeps every mail it accepts, as received, in a folder the tests read
 * (e2e/support/mailbox.ts). Started by Playwright as a web server of its own, before the app.
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.SMTP_SINK_PORT);
const dir = process.env.SMTP_SINK_DIR;
if (!port || !dir) throw new Error("SMTP_SINK_PORT and SMTP_SINK_DIR are required");

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received += 1;
      const name = `${String(received).padStart(6, "0")}.eml`;
      // Written whole, then renamed: a test never reads half a mail.
      fs.writeFileSync(path.join(dir, `${name}.part`), Buffer.concat(chunks));
      fs.renameSync(path.join(dir, `${name}.part`), path.join(dir, name));
      callback();
    });
  },
});
server.listen(port, "127.0.0.1");
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
