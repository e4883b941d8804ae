import { describe, expect, it } from "vitest";
import { hashToken, newToken, secureRandomBytes, tokenMatches } from "./tokens";

describe("tokens", () => {
  it("gives 256-bit URL-safe tokens that never repeat, across many refills of the random pool", () => {
    const tokens = Array.from({ length: 5000 }, newToken); // 160,000 bytes: 39 pages
    for (const t of tokens.slice(0, 50)) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("hands out random bytes that stay as they were when the pool is drawn again", () => {
    const first = secureRandomBytes(32);
    const copy = Buffer.from(first);
    for (let i = 0; i < 300; i++) secureRandomBytes(31);
    expect(first.equals(copy)).toBe(true);
    expect(first.equals(Buffer.alloc(32))).toBe(false);
    expect(secureRandomBytes(4096)).toHaveLength(4096);
    expect(() => secureRandomBytes(4097)).toThrow(RangeError);
  });

  it("matches a token against its stored hash only", () => {
    const token = newToken();
    expect(tokenMatches(token, hashToken(token))).toBe(true);
    expect(tokenMatches(newToken(), hashToken(token))).toBe(false);
  });
});
