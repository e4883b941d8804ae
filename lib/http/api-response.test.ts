import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "./api-response";

describe("errorResponse", () => {
  it("answers a database data exception (a value Postgres cannot hold) with 422, never a 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const nul = Object.assign(new Error("Failed query"), {
      cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" }),
    });
    const response = errorResponse(nul);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: "validation_failed", message: "Some details need fixing." },
    });
    expect(errorResponse(Object.assign(new Error("boom"), { code: "XX000" })).status).toBe(500);
  });

  it("answers 503 with Retry-After while the database cannot be reached, never a 500", async () => {
    for (const cause of [
      { code: "ECONNREFUSED" },
      { code: "CONNECTION_CLOSED" },
      { code: "57P01" },
      { code: "08006" },
    ]) {
      const response = errorResponse(
        Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("down"), cause) }),
      );
      expect(response.status, cause.code).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error.code).toBe("unavailable");
    }
  });
});
