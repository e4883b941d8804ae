// The browser side of our JSON API: one fetch that turns the API's one error shape
// ({"error":{"code","message","fields"?}}, see api-response.ts) into ApiError.
// No "server-only" and no server imports: client components use it.

/** An error answer from the API, in its one shape; `status` 0 means the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Words for the failures that bring no message of their own; each audience has its own. */
export interface ApiMessages {
  /** The request never reached the server. */
  network: string;
  /** A 5xx without the error shape. */
  server: string;
  /** A 4xx without the error shape. */
  client: string;
}

export interface ApiFetchInit extends RequestInit {
  /** Sent as the JSON body, with its Content-Type. */
  json?: unknown;
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;

/** Fetches JSON without caching; resolves to the body (null when there is none), rejects with ApiError. An abort is passed through as is. */
export async function apiFetch<T>(url: string, init: ApiFetchInit, messages: ApiMessages): Promise<T> {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  h.set("Accept", "application/json");
  if (json !== undefined) h.set("Content-Type", "application/json");
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: h,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      cache: "no-store",
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", messages.network);
  }
  const body = (await res.json().catch(() => null)) as ErrorBody;
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "unknown",
      err?.message ?? (res.status >= 500 ? messages.server : messages.client),
      err?.fields ?? {},
    );
  }
  return body as T;
}
