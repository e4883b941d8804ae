import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client's address behind trusted proxies", () => {
  it("believes only what our own proxy appended, not what the client wrote before it", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", 1)).toBe("203.0.113.7");
  });
  it("counts back one entry per proxy", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // fewer entries than proxies: the leftmost is all there is
    expect(clientAddress("203.0.113.7", 3)).toBe("203.0.113.7");
  });
  it("uses the last entry with no proxy, and 'local' with no header", () => {
    expect(clientAddress("198.51.100.1", 0)).toBe("198.51.100.1");
    expect(clientAddress(null, 1)).toBe("local");
    expect(clientAddress(" , ", 1)).toBe("local");
  });
  it("keeps a forged, overlong entry from becoming a huge key", () => {
    expect(clientAddress("x".repeat(5000), 1)).toHaveLength(64);
  });
});
