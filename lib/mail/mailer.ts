// Sends the portal's e-mail. With SMTP_URL (smtp:// or smtps://) messages go out through nodemailer;
// without it (the embedded default) each message is written to the server log and, whole, to a
// local outbox folder (MAIL_OUTBOX_DIR, default .data/mail-outbox/) so a newcomer can open it.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export type MailMessage = {
  to: string;
  subject: string;
  /** The plain-text part; always sent. */
  text: string;
  html?: string;
};

export type SentMail = { messageId: string; outboxFile?: string };

const DEFAULT_FROM = "Portal de Assinaturas <nao-responda@portal-assinaturas.local>";

let transport: { url: string; transporter: Transporter } | null = null;

function smtpTransport(url: string): Transporter {
  if (transport?.url !== url) {
    transport = { url, transporter: nodemailer.createTransport(url) };
  }
  return transport.transporter;
}

export function outboxDir(env: Record<string, string | undefined> = process.env): string {
  return env.MAIL_OUTBOX_DIR || path.join(process.cwd(), ".data", "mail-outbox");
}

async function writeToOutbox(
  message: MailMessage & { from: string },
  env: Record<string, string | undefined>,
): Promise<SentMail> {
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const dir = outboxDir(env);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${stamp}-${randomBytes(3).toString("hex")}.eml`);
  await writeFile(file, built.message as Buffer, { mode: 0o600 });
  // The log line carries the text part: it is how a newcomer without SMTP follows a link.
  console.log(`[mail] (no SMTP_URL) to=${message.to} subject="${message.subject}" file=${file}\n${message.text}`);
  return { messageId: built.messageId, outboxFile: file };
}

/** Sends one message; rejects when the SMTP server refuses it. */
export async function sendMail(message: MailMessage, env: Record<string, string | undefined> = process.env): Promise<SentMail> {
  const from = env.MAIL_FROM || DEFAULT_FROM;
  if (!env.SMTP_URL) return writeToOutbox({ ...message, from }, env);
  const info = await smtpTransport(env.SMTP_URL).sendMail({ ...message, from });
  return { messageId: info.messageId };
}
