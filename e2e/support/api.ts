import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

export interface Slot {
  start: string;
  end: string;
  practitioner: string;
  location: string;
  remaining: number;
}

/** The next weekday (Sydney) at least `daysAhead` days from now, as YYYY-MM-DD. */
export function weekdayAhead(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  for (;;) {
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Australia/Sydney",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
    }).formatToParts(d);
    const get = (t: string) => local.find((p) => p.type === t)!.value;
    if (!["Sat", "Sun"].includes(get("weekday"))) return `${get("year")}-${get("month")}-${get("day")}`;
    d.setTime(d.getTime() + 86_400_000);
  }
}

export async function freeSlots(
  request: APIRequestContext,
  q: { location: string; service: string; from: string; to?: string; practitioner?: string },
): Promise<Slot[]> {
  const params = new URLSearchParams({
    location: q.location,
    service: q.service,
    from: q.from,
    to: q.to ?? q.from,
    ...(q.practitioner ? { practitioner: q.practitioner } : {}),
  });
  const res = await request.get(`/api/v1/availability?${params}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { slots: Slot[] }).slots;
}

/** Text usable in a person's name, which takes letters only (api.md): each digit becomes a letter, so "race12" → "race bc". */
export const nameSafe = (text: string) =>
  text
    .replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!)
    .replace(/[^\p{L}\p{M} '.-]+/gu, " ")
    .trim();

let n = 0;
export function patient(tag: string) {
  n++;
  return {
    firstName: "Test",
    lastName: `Patient ${nameSafe(tag)}`,
    email: `e2e-${tag}-${Date.now()}-${n}@example.com`,
    phone: "0412 345 678",
    dateOfBirth: "1988-05-17",
  };
}

export interface Booked {
  booking: { id: string; start: string; location: string };
  manageUrl: string;
  intakeUrl: string;
}

/**
 * Books one of `slots` for `service` through the public API and returns the answer. A parallel test may take a time
 * first, so it tries up to five of them (in order, or at random) before giving up.
 */
export async function bookOneOf(
  request: APIRequestContext,
  service: string,
  slots: Slot[],
  who: Record<string, string>,
  order: "in-order" | "random" = "in-order",
  extra: { triage?: string } = {},
): Promise<Booked | null> {
  for (let attempt = 0; attempt < Math.min(5, slots.length); attempt++) {
    const slot = order === "random" ? slots[Math.floor(Math.random() * slots.length)]! : slots[attempt]!;
    const res = await request.post("/api/v1/bookings", {
      data: {
        service,
        location: slot.location,
        practitioner: slot.practitioner,
        start: slot.start,
        patient: who,
        ...extra,
      },
    });
    if (res.status() === 409) continue;
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as Booked;
  }
  return null;
}
