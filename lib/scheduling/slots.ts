// The pure slot engine: roster windows minus breaks, dedicated blocks, closures, busy time
// (appointments with buffers, leave), minimum notice and horizon. No I/O; the verbs feed it.
import { SpanSet, subtractSpans, type Span } from "./intervals";
import { assertLocalDate, assertTimezone, localDateOf, plusLocalDays } from "./local-time";
import { expandRosters, type DayWindow } from "./roster-expansion";
import type { BusyInterval, Interval, ServiceRules, Slot, SlotQuery } from "./slot-types";

export type {
  BusyInterval,
  ClassBooking,
  Interval,
  LocalDate,
  LocalTime,
  RosterEntry,
  ServiceRules,
  Slot,
  SlotQuery,
} from "./slot-types";
export { addDays, eachLocalDate, isoWeekday, localDateOf, toOffsetIso } from "./local-time";

const MINUTE = 60_000;

/** The time an appointment keeps its practitioner from others: [start - bufferBefore, start + duration + bufferAfter). */
export function blockedInterval(start: Date, service: ServiceRules): Interval {
  const s = start.getTime();
  return {
    start: new Date(s - service.bufferBeforeMinutes * MINUTE),
    end: new Date(s + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE),
  };
}

function assertRules(service: ServiceRules): void {
  const positive = [service.durationMinutes, service.stepMinutes, service.capacity];
  const nonNegative = [
    service.bufferBeforeMinutes,
    service.bufferAfterMinutes,
    service.minNoticeMinutes,
    service.horizonDays,
  ];
  if (!positive.every((n) => Number.isFinite(n) && n > 0) || !nonNegative.every((n) => Number.isFinite(n) && n >= 0)) {
    throw new RangeError(`Service ${service.slug} has invalid timing rules`);
  }
}

interface Context {
  q: SlotQuery;
  duration: number;
  before: number;
  after: number;
  earliest: number; // first allowed start (now + notice)
  latest: number; // last allowed start (horizon)
  busy: Map<string, SpanSet>;
}

function busyIndex(busy: readonly BusyInterval[], practitioners: ReadonlySet<string>): Map<string, SpanSet> {
  const grouped = new Map<string, Span[]>();
  for (const b of busy) {
    if (!practitioners.has(b.practitioner)) continue;
    const list = grouped.get(b.practitioner) ?? [];
    list.push({ start: b.start.getTime(), end: b.end.getTime() });
    grouped.set(b.practitioner, list);
  }
  return new Map([...grouped].map(([p, spans]) => [p, new SpanSet(spans)]));
}

/** Within notice and horizon, and the practitioner free for the whole blocked range (buffers included)? */
function isOpen(ctx: Context, practitioner: string, start: number): boolean {
  if (start < ctx.earliest || start > ctx.latest) return false;
  const busy = ctx.busy.get(practitioner);
  return !busy || !busy.overlaps(start - ctx.before, start + ctx.duration + ctx.after);
}

function makeSlot(ctx: Context, practitioner: string, start: number, remaining: number): Slot {
  return {
    start: new Date(start),
    end: new Date(start + ctx.duration),
    practitioner,
    location: ctx.q.location,
    remaining,
  };
}

/** One-to-one: general time minus breaks and minus every dedicated block the practitioner has that day. */
function oneToOneSlots(ctx: Context, day: DayWindow[]): Slot[] {
  const general = day.filter((w) => w.service === null);
  if (general.length === 0) return [];
  const dedicated = day.filter((w) => w.service !== null).map((w) => w.window);
  // Union over entries, so back-to-back entries (09-12, 12-17) let an appointment run across 12:00.
  const worked = general.flatMap((w) => subtractSpans([w.window], w.breaks));
  const free = new SpanSet(subtractSpans(worked, dedicated));
  const step = ctx.q.service.stepMinutes * MINUTE;
  const out: Slot[] = [];
  for (const w of general) {
    // Candidates stay on this entry's step grid; skip straight to the first one past minimum notice.
    const skip = Math.max(0, Math.ceil((ctx.earliest - w.window.start) / step));
    for (let s = w.window.start + skip * step; s < w.window.end && s <= ctx.latest; s += step) {
      if (free.contains(s, s + ctx.duration) && isOpen(ctx, w.practitioner, s)) {
        out.push(makeSlot(ctx, w.practitioner, s, 1));
      }
    }
  }
  return out;
}

/** Classes: occurrences from the start of each block dedicated to this service, back to back with buffers. */
function classSlots(ctx: Context, day: DayWindow[], booked: Map<string, number>): Slot[] {
  const { service } = ctx.q;
  const period = ctx.before + ctx.duration + ctx.after;
  const out: Slot[] = [];
  for (const w of day) {
    if (w.service !== service.slug) continue;
    const free = new SpanSet(subtractSpans([w.window], w.breaks));
    for (let s = w.window.start; s + ctx.duration <= w.window.end && s <= ctx.latest; s += period) {
      if (!free.contains(s, s + ctx.duration) || !isOpen(ctx, w.practitioner, s)) continue;
      const remaining = service.capacity - (booked.get(`${w.practitioner}|${s}`) ?? 0);
      if (remaining > 0) out.push(makeSlot(ctx, w.practitioner, s, remaining));
    }
  }
  return out;
}

function sortAndDedupe(slots: Slot[]): Slot[] {
  slots.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      (a.practitioner < b.practitioner ? -1 : a.practitioner > b.practitioner ? 1 : 0),
  );
  return slots.filter((s, i) => {
    const prev = slots[i - 1];
    return !prev || prev.start.getTime() !== s.start.getTime() || prev.practitioner !== s.practitioner;
  });
}

/** Every bookable start for the query, sorted by start then practitioner slug. */
export function computeSlots(q: SlotQuery): Slot[] {
  assertRules(q.service);
  assertTimezone(q.timezone);
  assertLocalDate(q.from);
  assertLocalDate(q.to);
  if (Number.isNaN(q.now.getTime())) throw new RangeError("now is not a valid instant");
  const now = q.now.getTime();
  const earliest = q.ignoreMinNotice ? now : now + q.service.minNoticeMinutes * MINUTE;
  // The horizon counts calendar days in the location's zone, so it keeps the wall-clock time across DST.
  const latest = plusLocalDays(q.now, q.service.horizonDays, q.timezone).getTime();
  if (latest < earliest) return [];

  // Windows never cross local midnight, so dates outside [earliest, latest] cannot hold a slot.
  const firstDate = localDateOf(new Date(earliest), q.timezone);
  const lastDate = localDateOf(new Date(latest), q.timezone);
  const practitioners = new Set(q.practitioners);
  const windows = expandRosters({
    timezone: q.timezone,
    rosters: q.rosters,
    practitioners,
    closedDates: q.closedDates,
    from: q.from > firstDate ? q.from : firstDate,
    to: q.to < lastDate ? q.to : lastDate,
  });

  const ctx: Context = {
    q,
    duration: q.service.durationMinutes * MINUTE,
    before: q.service.bufferBeforeMinutes * MINUTE,
    after: q.service.bufferAfterMinutes * MINUTE,
    earliest,
    latest,
    busy: busyIndex(q.busy, practitioners),
  };

  const byDay = new Map<string, DayWindow[]>();
  for (const w of windows) {
    const key = `${w.practitioner}|${w.date}`;
    const list = byDay.get(key) ?? [];
    list.push(w);
    byDay.set(key, list);
  }

  const isClass = q.service.capacity > 1;
  const booked = new Map<string, number>();
  if (isClass) {
    for (const b of q.classBookings) {
      const key = `${b.practitioner}|${b.start.getTime()}`;
      booked.set(key, (booked.get(key) ?? 0) + b.booked);
    }
  }

  const slots: Slot[] = [];
  for (const day of byDay.values()) slots.push(...(isClass ? classSlots(ctx, day, booked) : oneToOneSlots(ctx, day)));
  return sortAndDedupe(slots);
}

/**
 * Re-checks one requested start (inside the booking transaction). Expands only the local date of
 * `start`, ignoring q.from/q.to; null when it is not bookable, or the class is full.
 */
export function isSlotAvailable(q: SlotQuery, start: Date, practitioner: string): Slot | null {
  if (Number.isNaN(start.getTime()) || !q.practitioners.includes(practitioner)) return null;
  const date = localDateOf(start, q.timezone);
  const mine = <T extends { practitioner: string }>(xs: readonly T[]) =>
    xs.filter((x) => x.practitioner === practitioner);
  const slots = computeSlots({
    ...q,
    practitioners: [practitioner],
    rosters: mine(q.rosters),
    busy: mine(q.busy),
    classBookings: mine(q.classBookings),
    from: date,
    to: date,
  });
  return slots.find((s) => s.start.getTime() === start.getTime()) ?? null;
}
