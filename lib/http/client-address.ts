import { timingSafeEqual } from "node:crypto";

/**
 * The header the app's own server (lib/http/server.mjs) sets on every request to the socket's address, signed with a
 * key that only lives in that process. Anything a client sends under this name is overwritten there, and one that
 * reaches a bare `next start` cannot carry the key, so it is never believed.
 */
export const PEER_HEADER = "x-clinic-peer";
export const PEER_KEY_ENV = "CLINIC_PEER_KEY";

type HeaderSource = { get(name: string): string | null | undefined };

/**
 * The client's address for rate limits, throttles and the audit log.
 *
 * - `hops` = 0 (the default, no proxy declared): the TCP peer, as our own server saw it. X-Forwarded-For is ignored,
 *   because with nothing in front of the app a client writes that header itself.
 * - `hops` = N (TRUSTED_PROXY_HOPS): N proxies in front, each appending the address it saw, so the client is the entry
 *   N places from the right; anything further left was written by the client and is not believed.
 *
 * "unknown" when neither can be read (a bare `next start` or `next dev` with no proxy declared).
 */
export function clientAddress(headers: HeaderSource, hops: number, peerKey = process.env[PEER_KEY_ENV]): string {
  if (hops > 0) {
    const entries = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    if (entries.length === 0) return peerAddress(headers, peerKey) ?? "unknown";
    return clean(entries[Math.max(0, entries.length - hops)]!);
  }
  return peerAddress(headers, peerKey) ?? "unknown";
}

/** The socket address our own server vouched for, or null. */
export function peerAddress(headers: HeaderSource, peerKey: string | undefined): string | null {
  const value = headers.get(PEER_HEADER);
  if (!value || !peerKey) return null;
  const bar = value.indexOf("|");
  if (bar < 0) return null;
  const given = Buffer.from(value.slice(0, bar));
  const key = Buffer.from(peerKey);
  if (given.length !== key.length || !timingSafeEqual(given, key)) return null;
  return clean(value.slice(bar + 1)) || null;
}

// A forged, overlong or odd entry never becomes a huge key or a stray character in the audit log.
function clean(address: string): string {
  return address
    .replace(/^::ffff:/, "")
    .replace(/[^0-9A-Za-z.:_-]/g, "")
    .slice(0, 64);
}

/** Headers from a plain object, as next-auth hands them to `authorize`. */
export function headersOf(record: Record<string, unknown> | undefined): HeaderSource {
  return {
    get: (name) => {
      const v = record?.[name.toLowerCase()];
      return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : null;
    },
  };
}
