import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { env } from "@/lib/env";
import { outboxDir } from "./mailer";

const NAME = /^[\w-]+\.eml$/;

/**
 * The outbox holds real patient emails (with their manage links): it exists only while no mail server is configured,
 * and only admins see it (app/(staff)/admin/outbox checks the role).
 */
export function outboxVisible(): boolean {
  return !env.SMTP_URL;
}

export interface OutboxEntry {
  name: string;
  to: string;
  subject: string;
  date: Date;
}

export interface OutboxMessage extends OutboxEntry {
  from: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
}

/** The newest messages first. */
export async function listOutbox(limit = 100): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = (await readdir(outboxDir())).filter((n) => NAME.test(n));
  } catch {
    return [];
  }
  // file names begin with a UTC timestamp, so a reverse sort is newest first
  names.sort().reverse();
  const entries: OutboxEntry[] = [];
  for (const name of names.slice(0, limit)) {
    const m = await readOutboxMessage(name);
    if (m) entries.push({ name: m.name, to: m.to, subject: m.subject, date: m.date });
  }
  return entries;
}

export async function readOutboxMessage(name: string): Promise<OutboxMessage | null> {
  const raw = await readRawOutboxMessage(name);
  if (!raw) return null;
  const mail = await simpleParser(raw);
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
  const file = await stat(path.join(outboxDir(), name));
  return {
    name,
    to,
    from: mail.from?.text ?? "",
    subject: mail.subject ?? "(no subject)",
    date: mail.date ?? file.mtime,
    text: mail.text ?? "",
    html: mail.html || null,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? "attachment",
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

export async function readRawOutboxMessage(name: string): Promise<Buffer | null> {
  if (!NAME.test(name)) return null;
  try {
    return await readFile(path.join(outboxDir(), name));
  } catch {
    return null;
  }
}
