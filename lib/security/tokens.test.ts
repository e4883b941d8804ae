import { describe, expect, it } from "vitest";
import { hashToken, newToken, tokenMatches } from "./tokens";

describe("tokens", () => {
  it("gives 256-bit URL-safe tokens that never repeat", () => {
    const tokens = Array.from({ length: 5000 }, newToken);
    for (const t of tokens.slice(0, 50)) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("matches a token against its stored hash only", () => {
    const token = newToken();
    expect(tokenMatches(token, hashToken(token))).toBe(true);
    expect(tokenMatches(newToken(), hashToken(token))).toBe(false);
  });
});
