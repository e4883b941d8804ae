import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

const KEY = "k".repeat(43);
const h = (entries: Record<string, string>) => new Headers(entries);
const peer = (address: string, key = KEY) => ({ [PEER_HEADER]: `${key}|${address}` });

describe("the client's address", () => {
  it("with no proxy declared, is the socket's address and ignores a client's own X-Forwarded-For", () => {
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6", ...peer("127.0.0.1") }), 0, KEY)).toBe("127.0.0.1");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6" }), 0, KEY)).toBe("unknown");
    expect(clientAddress(h(peer("::ffff:203.0.113.7")), 0, KEY)).toBe("203.0.113.7");
  });
  it("never believes a peer header without our server's key", () => {
    expect(clientAddress(h(peer("203.0.113.7", "forged")), 0, KEY)).toBe("unknown");
    expect(clientAddress(h(peer("203.0.113.7", "k".repeat(42) + "x")), 0, KEY)).toBe("unknown");
    expect(clientAddress(h(peer("203.0.113.7")), 0, undefined)).toBe("unknown");
    expect(clientAddress(h({ [PEER_HEADER]: "203.0.113.7" }), 0, KEY)).toBe("unknown");
  });
  it("behind declared proxies, believes only what they appended, one entry per proxy from the right", () => {
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7", ...peer("10.0.0.1") }), 1, KEY)).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2, KEY)).toBe("203.0.113.7");
    // fewer entries than proxies: the leftmost is all there is
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7" }), 3, KEY)).toBe("203.0.113.7");
    // a proxy that sent no header at all: the socket
    expect(clientAddress(h(peer("10.0.0.1")), 1, KEY)).toBe("10.0.0.1");
  });
  it("keeps a forged, overlong or odd entry from becoming a huge key", () => {
    expect(clientAddress(h({ "x-forwarded-for": "x".repeat(5000) }), 1, KEY)).toHaveLength(64);
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4<script>" }), 1, KEY)).toBe("1.2.3.4script");
  });
});
