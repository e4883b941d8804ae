import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { ensurePrivateDirSync } from "@/lib/private-files";

// Queued email jobs carry the patient's manage and intake links (their tokens are stored nowhere else in
// clear) and contact details. They are sealed with AES-256-GCM so that job rows, dead letters and database
// backups hold ciphertext only; the key lives outside the database.
const VERSION = "v1";
let cachedKey: Buffer | undefined;

function keyMaterial(): string {
  if (env.NOTIFICATIONS_KEY) return env.NOTIFICATIONS_KEY;
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return fileKey(path.join(env.DATA_DIR, "notifications.key"));
}

/** A random key kept beside the embedded database, made on first use (demo and development only). */
function fileKey(file: string): string {
  ensurePrivateDirSync(path.dirname(file));
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // another process may have created the file a moment ago and not yet written it
  for (let i = 0; i < 50; i++) {
    const text = readFileSync(file, "utf8").trim();
    if (text.length >= 32) return text;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`The notifications key file ${file} is empty.`);
}

function key(): Buffer {
  cachedKey ??= Buffer.from(hkdfSync("sha256", keyMaterial(), "clinic-notifications", "job-payload", 32));
  return cachedKey;
}

export function seal(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export function unseal<T = unknown>(sealed: string): T {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) throw new Error("Not a sealed notification payload.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  return JSON.parse(text) as T;
}
