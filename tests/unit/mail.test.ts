import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { clipSubject } from "@/lib/mail/queue";
import { classifyMailError, mailboxTransport, PermanentMailError } from "@/lib/mail/transport";
import { retryDelaySeconds } from "@/lib/mail/worker";

describe("the local mailbox", () => {
  it("writes each mail as a private .eml file and prints its subject and links", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-mailbox-"));
    const print = vi.fn();
    const transport = mailboxTransport(path.join(dir, "mail"), "Coachgrid <coachgrid@localhost>", print);
    await transport.send({
      id: "6f1c0000-0000-4000-8000-000000000001",
      kind: "password_reset",
      to: "ann@example.test",
      subject: "Reset your Coachgrid password",
      html: '<p><a href="http://localhost:3000/reset-password/abc">Choose</a></p>',
      text: "Choose: http://localhost:3000/reset-password/abc",
      headers: {},
      links: ["http://localhost:3000/reset-password/abc"],
    });
    const [file] = fs.readdirSync(path.join(dir, "mail"));
    expect(file).toMatch(/password_reset-6f1c0000-0000-4000-8000-000000000001\.eml$/);
    const full = path.join(dir, "mail", file!);
    expect(fs.statSync(full).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, "mail")).mode & 0o777).toBe(0o700);
    const parsed = await simpleParser(fs.readFileSync(full));
    expect(parsed.subject).toBe("Reset your Coachgrid password");
    expect(parsed.text).toContain("/reset-password/abc");
    expect(parsed.messageId).toBe("<6f1c0000-0000-4000-8000-000000000001@coachgrid.local>");
    expect(print).toHaveBeenCalledOnce();
    const line = print.mock.calls[0]![0] as string;
    expect(line).toContain("Mail to ann@example.test: Reset your Coachgrid password");
    expect(line).toContain("http://localhost:3000/reset-password/abc");
    expect(line).toContain(full);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("mail rules", () => {
  it("retries temporary failures and gives up on permanent ones, showing the server's answer", () => {
    expect(classifyMailError(Object.assign(new Error("x"), { responseCode: 550, response: "550 5.1.1 No such user" }))).toEqual({
      permanent: true,
      message: "550 5.1.1 No such user",
    });
    expect(classifyMailError(Object.assign(new Error("x"), { responseCode: 451, response: "451 Try later" })).permanent).toBe(false);
    expect(classifyMailError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ESOCKET" }))).toEqual({
      permanent: false,
      message: "ESOCKET: connect ECONNREFUSED 127.0.0.1:25",
    });
    expect(classifyMailError(new PermanentMailError("unknown mail kind x")).permanent).toBe(true);
  });

  it("waits twice as long before each retry, at most an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 60))).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(12, 60)).toBe(3600);
  });

  it("keeps subjects on one line under 78 characters", () => {
    expect(clipSubject("Short\nsubject")).toBe("Short subject");
    const long = clipSubject(`Your results in ${"A very long organisation name ".repeat(5)}`);
    expect(long.length).toBeLessThan(78);
    expect(long.endsWith("…")).toBe(true);
  });
});
