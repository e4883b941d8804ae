import { afterEach, expect, it, vi } from "vitest";
import { ApiError, apiFetch, type ApiMessages } from "./api-fetch";

const MESSAGES: ApiMessages = { network: "No network", server: "Our side broke", client: "That didn't work" };

const answer = (body: BodyInit | null, status: number, type = "application/json") =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(body, { status, headers: { "Content-Type": type } })),
  );

const failure = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (e: unknown) => e,
  );

afterEach(() => vi.unstubAllGlobals());

it("returns the JSON body and sends json as a JSON body, uncached", async () => {
  answer(JSON.stringify({ ok: 1 }), 200);
  await expect(apiFetch<{ ok: number }>("/api/x", { method: "POST", json: { a: 1 } }, MESSAGES)).resolves.toEqual({
    ok: 1,
  });
  const [url, init] = vi.mocked(fetch).mock.calls[0]!;
  expect(url).toBe("/api/x");
  expect(init?.body).toBe('{"a":1}');
  expect(init?.cache).toBe("no-store");
  expect(new Headers(init?.headers).get("Content-Type")).toBe("application/json");
});

it("turns the API's error shape into an ApiError with its code, message and fields", async () => {
  answer(
    JSON.stringify({
      error: { code: "validation_failed", message: "Some details need fixing.", fields: { email: "Enter an email" } },
    }),
    422,
  );
  const e = await failure(apiFetch("/api/x", {}, MESSAGES));
  expect(e).toBeInstanceOf(ApiError);
  expect(e).toMatchObject({
    status: 422,
    code: "validation_failed",
    message: "Some details need fixing.",
    fields: { email: "Enter an email" },
  });
});

it("gives a non-JSON 500 the server message, and a bare 4xx the client message", async () => {
  answer("<html>Bad gateway</html>", 500, "text/html");
  expect(await failure(apiFetch("/api/x", {}, MESSAGES))).toMatchObject({
    status: 500,
    code: "unknown",
    message: "Our side broke",
    fields: {},
  });
  answer(null, 404);
  expect(await failure(apiFetch("/api/x", {}, MESSAGES))).toMatchObject({
    status: 404,
    code: "unknown",
    message: "That didn't work",
  });
});

it("reports a network failure as status 0 with the network message", async () => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
  );
  const e = await failure(apiFetch("/api/x", {}, MESSAGES));
  expect(e).toBeInstanceOf(ApiError);
  expect(e).toMatchObject({ status: 0, code: "network", message: "No network" });
});

it("passes an abort through untouched, so callers can ignore it", async () => {
  const abort = new DOMException("The operation was aborted.", "AbortError");
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Promise.reject(abort)),
  );
  expect(await failure(apiFetch("/api/x", { signal: AbortSignal.abort() }, MESSAGES))).toBe(abort);
});
