// The public JSON API as the patient pages see it (shared/spec/api.md). Pure fetch, safe in client components.
import { apiFetch, type ApiFetchInit, type ApiMessages } from "@/lib/http/api-fetch";

// The shapes are the API's own DTOs, imported as types (erased at build time), so a change on the server is a type
// error here rather than a silent mismatch. Only what this side adds is written out.
import type { LocationDto } from "@/lib/catalog/list-locations";
import type { PractitionerDto } from "@/lib/catalog/list-practitioners";
import type { TriageResult } from "@/lib/intake/triage";
import type { BookingCreated } from "@/lib/scheduling/book-appointment";
import type { AvailabilityDto } from "@/lib/scheduling/list-availability";

/** A location as the booking pages use it: the API's, with the slugs of the services offered there. */
export type LocationOption = Omit<LocationDto, "services"> & { services: string[] };
/** With a service asked for, `nextFree` is the start of their soonest free time for it (null: none in five weeks). */
export type PractitionerOption = PractitionerDto & { nextFree?: string | null };
export type Slot = AvailabilityDto["slots"][number];
/** What `POST /api/v1/triage` answers. */
export type TriageOutcome = Omit<TriageResult, "rulesVersion"> & { id: string };
export type { BookingCreated };

const MESSAGES: ApiMessages = {
  network: "We couldn't reach the clinic's booking system. Check your connection and try again.",
  server: "Something went wrong on our side. Please try again in a moment.",
  client: "That didn't work. Please try again.",
};

/** Calls the public API; `token` is a manage link's secret, sent as a Bearer token. Rejects with ApiError. */
export async function callApi<T>(path: string, init: ApiFetchInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return apiFetch<T>(path, { ...rest, headers }, MESSAGES);
}

export function fetchAvailability(
  q: { location: string; service: string; from: string; to: string; practitioner?: string },
  signal?: AbortSignal,
): Promise<{ timezone: string; slots: Slot[] }> {
  const p = new URLSearchParams({ location: q.location, service: q.service, from: q.from, to: q.to });
  if (q.practitioner) p.set("practitioner", q.practitioner);
  return callApi(`/api/v1/availability?${p}`, { signal });
}

export function fetchPractitioners(
  location: string,
  discipline?: string,
  signal?: AbortSignal,
  service?: string,
): Promise<{ practitioners: PractitionerOption[] }> {
  const p = new URLSearchParams({ location });
  if (discipline) p.set("discipline", discipline);
  if (service) p.set("service", service);
  return callApi(`/api/v1/practitioners?${p}`, { signal });
}

/** The secret token at the end of a manage link, for the API's Bearer header and the .ics link. */
export function tokenFromManageUrl(manageUrl: string): string {
  const path = manageUrl.replace(/^[a-z]+:\/\/[^/]+/i, "").split(/[?#]/)[0] ?? "";
  return decodeURIComponent(path.split("/").filter(Boolean).pop() ?? "");
}

/** A link's path and query, so it works on whichever host served this page. */
export function sameSitePath(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, "") || "/";
}

/** Fetches the booking's .ics with the token in a header and hands it to the browser as a download. */
export async function downloadCalendar(bookingId: string, token: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/bookings/${encodeURIComponent(bookingId)}/calendar.ics`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: "no-store",
    });
  } catch {
    throw new Error(MESSAGES.network);
  }
  if (!res.ok)
    throw new Error(res.status >= 500 ? MESSAGES.server : "We couldn't get the calendar file. Please try again.");
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = "appointment.ics";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
