// The browser side of the staff API: the shared JSON fetch, with staff wording and an ended session said plainly.
import { ApiError, apiFetch } from "@/lib/http/api-fetch";

const MESSAGES = {
  network: "Could not reach the server. Check the connection and try again.",
  server: "Something went wrong. Please try again.",
  client: "Something went wrong. Please try again.",
};

export async function staffFetch<T>(
  url: string,
  init?: { method?: "GET" | "POST" | "PATCH"; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  try {
    return await apiFetch<T>(url, { method: init?.method ?? "GET", json: init?.body, signal: init?.signal }, MESSAGES);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      throw new ApiError(401, "unauthorized", "Your session has ended. Sign in again to continue.");
    throw error;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : "Something went wrong. Please try again.";
}
