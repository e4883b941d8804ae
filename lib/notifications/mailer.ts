import "server-only";
import { createHash } from "node:crypto";
import { rename } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { ensurePrivateDir, writePrivateFile } from "@/lib/private-files";

export interface OutgoingEmail {
  /** The From header; the mailer's default (MAIL_FROM) when unset. */
  from?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per job, so a retried send carries the same Message-ID and receivers can drop a duplicate. */
  messageId: string;
  /** Only for naming files in the development outbox. */
  kind: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  readonly kind: "smtp" | "outbox";
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

// Without these, a server that accepts the connection and then says nothing holds a worker for minutes.
const TIMEOUTS = { connectionTimeout: "15000", greetingTimeout: "15000", socketTimeout: "30000" };

function withTimeouts(url: string): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(TIMEOUTS)) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return u.toString();
}

function message(email: OutgoingEmail, from: string) {
  return {
    from: email.from ?? from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    attachments: email.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
  };
}

export function smtpMailer(url: string, from = env.MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(withTimeouts(url));
  return {
    kind: "smtp",
    async send(email) {
      await transport.sendMail(message(email, from));
    },
    close: () => transport.close(),
  };
}

/** Development and the embedded demo: each message becomes an .eml file that admins read at /admin/outbox. */
export function outboxMailer(dir: string, from = env.MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async send(email) {
      const info = await transport.sendMail(message(email, from));
      await ensurePrivateDir(dir);
      const stamp = new Date().toISOString().replace(/[-:.]/g, "").replace("T", "-").slice(0, 15);
      const id = createHash("sha256").update(email.messageId).digest("hex").slice(0, 10);
      const file = path.join(dir, `${stamp}-${email.kind}-${id}.eml`);
      // written whole, then renamed, so the outbox page never lists half a message
      await writePrivateFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => transport.close(),
  };
}

export function outboxDir(): string {
  return path.join(env.DATA_DIR, "outbox");
}

export function defaultMailer(): Mailer {
  return env.SMTP_URL ? smtpMailer(env.SMTP_URL) : outboxMailer(outboxDir());
}

/** The domain for Message-IDs and calendar UIDs. */
export function mailDomain(): string {
  const m = /@([^>\s]+)>?\s*$/.exec(env.MAIL_FROM);
  return m?.[1] ?? new URL(env.PUBLIC_BASE_URL).hostname;
}
