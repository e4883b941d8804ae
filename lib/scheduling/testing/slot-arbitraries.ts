// fast-check generators and a brute-force reference model for the slot engine's property tests.
// The model checks every 5-minute point instead of doing interval maths, so it shares no logic
// with intervals.ts; all generated times and zone offsets are multiples of 5 minutes.
import fc from "fast-check";
import { addDays, eachLocalDate, isoWeekday, localTimeToMs, plusLocalDays } from "../local-time";
import type { BusyInterval, ClassBooking, RosterEntry, ServiceRules, Slot, SlotQuery } from "../slot-types";

const POOL = ["ana", "ben", "cy"] as const;
// Periods around both Sydney changes in 2026 and 2027, plus Christmas.
const ANCHORS = ["2026-04-01", "2026-09-29", "2027-03-31", "2027-09-28", "2026-12-20"] as const;
const MINUTE = 60_000;
const GRAIN = 5 * MINUTE;

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const minuteOfDay = (max: number) => fc.integer({ min: 0, max: max / 5 }).map((n) => n * 5);
// Clinic hours mostly, but also the small hours, where the DST changes happen.
const rosterStart = fc.oneof(
  minuteOfDay(1400),
  fc.integer({ min: 84, max: 216 }).map((n) => n * 5),
);

const rosterArb = (from: string, days: number, isClass: boolean, practitioners: string[]) =>
  fc
    .record({
      practitioner: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...practitioners) },
        { weight: 1, arbitrary: fc.constantFrom(...POOL) },
      ),
      // Mostly a weekday that occurs in the queried range, so entries take part.
      weekday: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: days }).map((k) => isoWeekday(addDays(from, k))) },
        { weight: 1, arbitrary: fc.constantFrom(1, 2, 3, 4, 5, 6, 7) as fc.Arbitrary<RosterEntry["weekday"]> },
      ),
      start: rosterStart,
      length: fc.integer({ min: 2, max: 120 }).map((n) => n * 5),
      validFrom: fc.integer({ min: -10, max: days }),
      validFor: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
      // Mostly time the queried service can use, plus dedicated blocks that must take time away.
      service: isClass
        ? fc.constantFrom<string | null>(null, "pilates", "pilates", "pilates", "yoga")
        : fc.constantFrom<string | null>(null, null, null, "pilates", "physio"),
      breaks: fc.array(
        fc.record({ offset: fc.integer({ min: -6, max: 120 }), length: fc.integer({ min: 1, max: 18 }) }),
        { maxLength: 2 },
      ),
    })
    .map((r): RosterEntry => {
      const validFrom = addDays(from, r.validFrom);
      return {
        practitioner: r.practitioner,
        weekday: r.weekday,
        start: hhmm(r.start),
        end: hhmm(Math.min(1440, r.start + r.length)),
        validFrom,
        validTo: r.validFor === null ? null : addDays(validFrom, r.validFor),
        service: r.service,
        // Breaks may stick out of the window or cover all of it; the engine must cope.
        breaks: r.breaks.map((b) => {
          const s = Math.min(1440, Math.max(0, r.start + b.offset * 5));
          return { start: hhmm(s), end: hhmm(Math.min(1440, s + b.length * 5)) };
        }),
      };
    });

const serviceArb: fc.Arbitrary<ServiceRules> = fc
  .record({
    isClass: fc.boolean(),
    capacity: fc.integer({ min: 2, max: 8 }),
    duration: fc.integer({ min: 1, max: 24 }),
    step: fc.integer({ min: 1, max: 12 }),
    before: fc.integer({ min: 0, max: 6 }),
    after: fc.integer({ min: 0, max: 6 }),
    notice: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1500 })),
    horizon: fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 4, arbitrary: fc.integer({ min: 4, max: 60 }) },
    ),
  })
  .map((s) => ({
    slug: s.isClass ? "pilates" : "physio",
    capacity: s.isClass ? s.capacity : 1,
    durationMinutes: s.duration * 5,
    stepMinutes: s.step * 5,
    bufferBeforeMinutes: s.before * 5,
    bufferAfterMinutes: s.after * 5,
    minNoticeMinutes: s.notice,
    horizonDays: s.horizon,
  }));

export const slotQueryArb: fc.Arbitrary<SlotQuery> = fc
  .record({
    timezone: fc.constantFrom(
      "Australia/Sydney",
      "Australia/Sydney",
      "Australia/Lord_Howe",
      "UTC",
      "America/Los_Angeles",
    ),
    from: fc.tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: 0, max: 6 })).map(([a, k]) => addDays(a, k)),
    days: fc.integer({ min: 0, max: 9 }),
    service: serviceArb,
    practitioners: fc.subarray([...POOL], { minLength: 1 }),
  })
  .chain(({ timezone, from, days, service, practitioners }) => {
    const fromMs = localTimeToMs(from, "00:00", timezone);
    const instant = (minMinutes: number, maxMinutes: number) =>
      fc.integer({ min: minMinutes, max: maxMinutes }).map((m) => new Date(fromMs + m * MINUTE));
    return fc
      .record({
        rosters: fc.array(rosterArb(from, days, service.capacity > 1, practitioners), { minLength: 1, maxLength: 10 }),
        closedDates: fc.array(fc.integer({ min: -1, max: days + 1 }), { maxLength: 3 }),
        busy: fc.array(
          fc.record({
            practitioner: fc.constantFrom(...POOL),
            start: instant(-1440, (days + 2) * 1440),
            minutes: fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 3000 })),
            nearShift: fc.option(fc.tuple(fc.nat(), fc.integer({ min: -24, max: 120 })), { nil: null }),
          }),
          { maxLength: 8 },
        ),
        bookings: fc.array(fc.record({ pick: fc.nat(), booked: fc.integer({ min: 1, max: 8 }) }), { maxLength: 4 }),
        now: fc.oneof(
          { weight: 3, arbitrary: instant(-3 * 1440, 0) },
          { weight: 1, arbitrary: instant(-1440, (days + 1) * 1440) },
        ),
        ignoreMinNotice: fc.boolean(),
      })
      .map((r): SlotQuery => {
        // Shift starts of roster entries on their dates: busy time and bookings placed near them matter.
        const shifts = eachLocalDate(from, addDays(from, days)).flatMap((d) =>
          r.rosters
            .filter((e) => e.weekday === isoWeekday(d))
            .map((e) => ({ practitioner: e.practitioner, start: localTimeToMs(d, e.start, timezone) })),
        );
        const busy: BusyInterval[] = r.busy.map((b) => {
          const [pick, offset] = b.nearShift ?? [0, 0];
          const near = b.nearShift ? shifts[pick % Math.max(1, shifts.length)] : undefined;
          const start = near ? new Date(near.start + offset * 5 * MINUTE) : b.start;
          return {
            practitioner: near ? near.practitioner : b.practitioner,
            start,
            end: new Date(start.getTime() + b.minutes * MINUTE),
          };
        });
        const classBookings: ClassBooking[] = r.bookings.flatMap((b) => {
          const shift = shifts[b.pick % Math.max(1, shifts.length)];
          return shift ? [{ practitioner: shift.practitioner, start: new Date(shift.start), booked: b.booked }] : [];
        });
        return {
          timezone,
          location: "chatswood",
          service,
          practitioners,
          rosters: r.rosters,
          closedDates: new Set(r.closedDates.map((d) => addDays(from, d))),
          busy,
          classBookings,
          from,
          to: addDays(from, days),
          now: r.now,
          ignoreMinNotice: r.ignoreMinNotice,
        };
      });
  });

interface ModelWindow {
  start: number;
  end: number;
  breaks: { start: number; end: number }[];
  service: string | null;
}

/** The roster windows of one practitioner on one open date, as the rules describe them. */
export function windowsOn(q: SlotQuery, practitioner: string, date: string): ModelWindow[] {
  if (q.closedDates.has(date) || date < q.from || date > q.to) return [];
  return q.rosters
    .filter((e) => e.practitioner === practitioner && e.weekday === isoWeekday(date))
    .filter((e) => e.validFrom <= date && (e.validTo === null || date <= e.validTo))
    .map((e) => ({
      start: localTimeToMs(date, e.start, q.timezone),
      end: localTimeToMs(date, e.end, q.timezone),
      breaks: e.breaks.map((b) => ({
        start: localTimeToMs(date, b.start, q.timezone),
        end: localTimeToMs(date, b.end, q.timezone),
      })),
      service: e.service,
    }));
}

const inside = (t: number, span: { start: number; end: number }) => span.start <= t && t < span.end;

/** Is every 5-minute point of [start, end) working time usable by this query's service? */
export function isWorkingTime(q: SlotQuery, windows: ModelWindow[], start: number, end: number): boolean {
  for (let t = start; t < end; t += GRAIN) {
    const ok =
      q.service.capacity > 1
        ? windows.some((w) => w.service === q.service.slug && inside(t, w) && !w.breaks.some((b) => inside(t, b)))
        : windows.some((w) => w.service === null && inside(t, w) && !w.breaks.some((b) => inside(t, b))) &&
          !windows.some((w) => w.service !== null && inside(t, w));
    if (!ok) return false;
  }
  return true;
}

export function bookingBounds(q: SlotQuery): { earliest: number; latest: number } {
  const now = q.now.getTime();
  return {
    earliest: now + (q.ignoreMinNotice ? 0 : q.service.minNoticeMinutes * MINUTE),
    latest: plusLocalDays(q.now, q.service.horizonDays, q.timezone).getTime(),
  };
}

/** Brute-force slot list: every candidate on every grid, checked point by point and against every busy interval. */
export function referenceSlots(q: SlotQuery): Slot[] {
  const s = q.service;
  const { earliest, latest } = bookingBounds(q);
  const duration = s.durationMinutes * MINUTE;
  const found = new Map<string, Slot>();
  for (const date of eachLocalDate(q.from, q.to)) {
    for (const p of new Set(q.practitioners)) {
      const windows = windowsOn(q, p, date);
      for (const w of windows) {
        const isClass = s.capacity > 1;
        if (isClass ? w.service !== s.slug : w.service !== null) continue;
        const period = isClass
          ? (s.bufferBeforeMinutes + s.durationMinutes + s.bufferAfterMinutes) * MINUTE
          : s.stepMinutes * MINUTE;
        for (let t = w.start; t < w.end; t += period) {
          if (isClass && !(t + duration <= w.end && isWorkingTime(q, [w], t, t + duration))) continue;
          if (!isClass && !isWorkingTime(q, windows, t, t + duration)) continue;
          if (t < earliest || t > latest) continue;
          const from = t - s.bufferBeforeMinutes * MINUTE;
          const to = t + duration + s.bufferAfterMinutes * MINUTE;
          if (q.busy.some((b) => b.practitioner === p && b.start.getTime() < to && b.end.getTime() > from)) continue;
          const booked = q.classBookings
            .filter((b) => b.practitioner === p && b.start.getTime() === t)
            .reduce((n, b) => n + b.booked, 0);
          const remaining = isClass ? s.capacity - booked : 1;
          if (remaining > 0)
            found.set(`${t}|${p}`, {
              start: new Date(t),
              end: new Date(t + duration),
              practitioner: p,
              location: q.location,
              remaining,
            });
        }
      }
    }
  }
  return [...found.values()].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.practitioner < b.practitioner ? -1 : 1),
  );
}
