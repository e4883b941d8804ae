import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "./api-response";

describe("errorResponse", () => {
  it("answers a database data exception (a value Postgres cannot hold) with 422, never a 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const nul = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), { code: "22021" }) });
    const response = errorResponse(nul);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: "validation_failed", message: "Some details need fixing." } });
    expect(errorResponse(Object.assign(new Error("boom"), { code: "57P01" })).status).toBe(500);
  });
});
