// The public JSON API as the patient pages see it (shared/spec/api.md). Pure fetch, safe in client components.

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

const NETWORK_MESSAGE = "We couldn't reach the clinic's booking system. Check your connection and try again.";

export async function callApi<T>(path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<T> {
  const { token, json, headers, ...rest } = init;
  const h = new Headers(headers);
  h.set("Accept", "application/json");
  if (json !== undefined) h.set("Content-Type", "application/json");
  if (token) h.set("Authorization", `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers: h, body: json !== undefined ? JSON.stringify(json) : rest.body, cache: "no-store" });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "unknown",
      err?.message ?? (res.status >= 500 ? "Something went wrong on our side. Please try again in a moment." : "That didn't work. Please try again."),
      err?.fields ?? {},
    );
  }
  return body as T;
}

export function fetchAvailability(
  q: { location: string; service: string; from: string; to: string; practitioner?: string },
  signal?: AbortSignal,
): Promise<{ timezone: string; slots: Slot[] }> {
  const p = new URLSearchParams({ location: q.location, service: q.service, from: q.from, to: q.to });
  if (q.practitioner) p.set("practitioner", q.practitioner);
  return callApi(`/api/v1/availability?${p}`, { signal });
}

export function fetchPractitioners(location: string, discipline?: string, signal?: AbortSignal): Promise<{ practitioners: PractitionerOption[] }> {
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

export function calendarPath(bookingId: string, token: string): string {
  return `/api/v1/bookings/${encodeURIComponent(bookingId)}/calendar.ics?token=${encodeURIComponent(token)}`;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
