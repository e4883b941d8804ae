// Test factories for the slot engine: sensible defaults, overridden per test.
import { toOffsetIso } from "../local-time";
import type { BusyInterval, RosterEntry, ServiceRules, Slot, SlotQuery } from "../slot-types";

export const SYDNEY = "Australia/Sydney";

export function makeService(over: Partial<ServiceRules> = {}): ServiceRules {
  return {
    slug: "physio-follow-up",
    durationMinutes: 30,
    capacity: 1,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    horizonDays: 365,
    stepMinutes: 15,
    ...over,
  };
}

export function makePilates(over: Partial<ServiceRules> = {}): ServiceRules {
  return makeService({ slug: "pilates-class", durationMinutes: 55, capacity: 6, bufferAfterMinutes: 5, ...over });
}

export function makeRoster(over: Partial<RosterEntry> = {}): RosterEntry {
  return {
    practitioner: "ana",
    weekday: 2,
    start: "09:00",
    end: "17:00",
    validFrom: "2026-01-01",
    validTo: null,
    service: null,
    breaks: [],
    ...over,
  };
}

/** Every weekday Monday to Sunday with the same hours. */
export function makeDailyRoster(over: Partial<RosterEntry> = {}): RosterEntry[] {
  return ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => makeRoster({ ...over, weekday }));
}

export function makeQuery(over: Partial<SlotQuery> = {}): SlotQuery {
  return {
    timezone: SYDNEY,
    location: "chatswood",
    service: makeService(),
    practitioners: ["ana"],
    rosters: [makeRoster()],
    closedDates: new Set(),
    busy: [],
    classBookings: [],
    from: "2026-12-01",
    to: "2026-12-01",
    now: new Date("2026-11-01T00:00:00+11:00"),
    ...over,
  };
}

export function busy(practitioner: string, start: string, end: string): BusyInterval {
  return { practitioner, start: new Date(start), end: new Date(end) };
}

/** Slot starts in the API's offset format, the way a patient would read them. */
export function startsOf(slots: Slot[], timezone = SYDNEY): string[] {
  return slots.map((s) => toOffsetIso(s.start, timezone));
}

/** "HH:MM" starts only, for compact single-day expectations. */
export function clockTimesOf(slots: Slot[], timezone = SYDNEY): string[] {
  return startsOf(slots, timezone).map((iso) => iso.slice(11, 16));
}
