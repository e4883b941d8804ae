import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { DomainError } from "@/lib/errors";

// The stored answer holds the patient's secret links, so it is encrypted with a key only the client's
// Idempotency-Key and body can rebuild; the table keeps hashes, never a usable token.
const sha = (s: string) => createHash("sha256").update(s).digest();

export function requestHash(body: unknown): string {
  return sha(JSON.stringify(body)).toString("hex");
}

/**
 * Claims the key inside the booking's transaction; a concurrent twin waits here, then gets the first result back.
 * A refused booking rolls back, and its claim with it.
 */
export async function claimIdempotencyKey<T>(tx: Tx, key: string, bodyHash: string): Promise<T | null> {
  const id = sha(`idem:${key}`).toString("hex");
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ key: id, requestHash: bodyHash, statusCode: 0, response: "" })
    .onConflictDoNothing()
    .returning();
  if (inserted.length > 0) return null;
  const [row] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, id));
  if (!row || row.requestHash !== bodyHash) {
    throw new DomainError("validation_failed", "This Idempotency-Key was already used with a different request.", {
      "Idempotency-Key": "Use a new key for a new request",
    });
  }
  const [ivHex, tagHex, data] = row.response.split(".");
  const decipher = createDecipheriv("aes-256-gcm", sha(`enc:${key}:${bodyHash}`), Buffer.from(ivHex!, "hex"));
  decipher.setAuthTag(Buffer.from(tagHex!, "hex"));
  const plain = Buffer.concat([decipher.update(Buffer.from(data!, "base64")), decipher.final()]).toString("utf8");
  return JSON.parse(plain) as T;
}

/** Keeps the result for a retry. (statusCode is always 201, the one answer stored: a refused booking keeps no claim.) */
export async function storeIdempotentResult(tx: Tx, key: string, bodyHash: string, result: unknown): Promise<void> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sha(`enc:${key}:${bodyHash}`), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(result), "utf8"), cipher.final()]);
  const response = `${iv.toString("hex")}.${cipher.getAuthTag().toString("hex")}.${data.toString("base64")}`;
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: 201, response })
    .where(eq(idempotencyKeys.key, sha(`idem:${key}`).toString("hex")));
}
