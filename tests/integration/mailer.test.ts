import { readFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendMail } from "@/lib/mail/mailer";
import { startSmtpTestServer, type SmtpTestServer } from "@/tests/support/smtp-test-server";

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.close();
});

describe("mailer", () => {
  it("sends through SMTP_URL with a plain-text and an HTML part", async () => {
    await sendMail(
      { to: "nova@exemplo.test", subject: "Convite — Móveis", text: "Olá, acesse http://x/convite", html: "<p>Olá</p>" },
      { SMTP_URL: smtp.url },
    );
    const mail = await smtp.waitFor((m) => m.to.includes("nova@exemplo.test"));
    expect(mail.subject).toBe("Convite — Móveis");
    expect(mail.text.trim()).toBe("Olá, acesse http://x/convite");
    expect(mail.html).toContain("<p>Olá</p>");
  });

  it("without SMTP_URL writes the whole message to the outbox folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "outbox-"));
    const sent = await sendMail(
      { to: "a@b.test", subject: "Redefinir senha", text: "link: http://x/r" },
      { MAIL_OUTBOX_DIR: dir },
    );
    expect(sent.outboxFile?.startsWith(dir)).toBe(true);
    const raw = await readFile(sent.outboxFile!, "utf8");
    expect(raw).toContain("To: a@b.test");
    expect(raw).toContain("link: http://x/r");
  });
});
