/**
 * The client's address for rate limits, from X-Forwarded-For. A client may send the header itself, so only the
 * entries appended by our own proxies can be believed: with `hops` proxies in front (TRUSTED_PROXY_HOPS), each
 * appending the address it saw, the client is the entry `hops` places from the right. With no proxy (0), Next.js
 * fills the header from the socket when the client did not send one; the last entry is then the best there is.
 */
export function clientAddress(forwardedFor: string | null | undefined, hops: number): string {
  const entries = (forwardedFor ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return "local";
  const index = Math.max(0, entries.length - Math.max(1, hops));
  return entries[index]!.slice(0, 64);
}
