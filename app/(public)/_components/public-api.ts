// The public JSON API as the patient pages see it (shared/spec/api.md). Pure fetch, safe in client components.
import { apiFetch, type ApiFetchInit, type ApiMessages } from "@/lib/http/api-fetch";

export interface LocationOption {
  slug: string;
  name: string;
  timezone: string;
  address: string | null;
  phone: string | null;
  online: boolean;
  /** Slugs of the services offered here. */
  services: string[];
}
export interface ServiceOption {
  slug: string;
  name: string;
  discipline: "sports-physio" | "exercise-physiology";
  durationMinutes: number;
  capacity: number;
  online: boolean;
  locations: string[];
}
export interface PractitionerOption {
  slug: string;
  name: string;
  discipline: string;
  locations: string[];
}
export interface Slot {
  start: string;
  end: string;
  practitioner: string;
  location: string;
  remaining: number;
}
export interface TriageFlag {
  code: string;
  tier: string;
  message: string;
}
export interface TriageOutcome {
  id: string;
  route: "emergency" | "urgent-care" | "sports-physio" | "exercise-physiology" | "online-rehab";
  urgency: "routine" | "within-72h" | "today" | "now";
  service: string | null;
  flags: TriageFlag[];
  reasons: string[];
  alsoSeeGp: boolean;
}
/** The API may answer with slugs or with small objects; the pages only need the slug. */
type Ref = string | { slug: string; name?: string };
export interface BookingRecord {
  id: string;
  status: string;
  service: Ref;
  location: Ref;
  practitioner: Ref;
  start: string;
  end: string;
}
export interface BookingCreated {
  booking: BookingRecord;
  manageUrl: string;
  intakeUrl: string;
}

export const refSlug = (r: Ref): string => (typeof r === "string" ? r : r.slug);

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
): Promise<{ practitioners: PractitionerOption[] }> {
  const p = new URLSearchParams({ location });
  if (discipline) p.set("discipline", discipline);
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
