// The admin screens' side of the setup API: the shared JSON fetch with PUT and DELETE, in staff wording.
import { ApiError, apiFetch } from "@/lib/http/api-fetch";

const MESSAGES = {
  network: "Could not reach the server. Check the connection and try again.",
  server: "Something went wrong. Please try again.",
  client: "Something went wrong. Please try again.",
};

export async function adminFetch<T>(
  url: string,
  method: "GET" | "POST" | "PUT" | "DELETE",
  body?: unknown,
): Promise<T> {
  try {
    // every staff change sends a JSON body, {} when there is nothing to say (proxy.ts)
    return await apiFetch<T>(url, { method, json: method === "GET" ? undefined : (body ?? {}) }, MESSAGES);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      throw new ApiError(401, "unauthorized", "Your session has ended. Sign in again to continue.");
    throw error;
  }
}

export { ApiError };
