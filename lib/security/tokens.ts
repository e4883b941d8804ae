import { createHash, randomFillSync, timingSafeEqual } from "node:crypto";

// Random bytes are drawn from the system a page at a time, as Node does for randomUUID: each call for a few bytes
// costs about as much as a page, and a booking needs three (two tokens and an IV).
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

/** `size` cryptographically secure random bytes (at most a page), in a buffer of their own. */
export function secureRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) throw new RangeError(`secureRandomBytes: at most ${POOL_BYTES} bytes`);
  if (poolOffset + size > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  // each byte is handed out once
  pool.fill(0, poolOffset, poolOffset + size);
  poolOffset += size;
  return bytes;
}

/** 256 random bits, URL-safe. Only the hash is stored. */
export function newToken(): string {
  return secureRandomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
