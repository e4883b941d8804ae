import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateOf } from "./local-time";
import { bookingBounds, isWorkingTime, referenceSlots, slotQueryArb, windowsOn } from "./testing/slot-arbitraries";
import { blockedInterval, computeSlots, isSlotAvailable } from "./slots";

const runs = { numRuns: 300 };

describe("computeSlots properties (random rosters, busy time, now; Sydney, Lord Howe, UTC, Los Angeles)", () => {
  it("never offers a slot whose blocked range overlaps its practitioner's busy time", () => {
    fc.assert(
      fc.property(slotQueryArb, (q) => {
        for (const slot of computeSlots(q)) {
          const blocked = blockedInterval(slot.start, q.service);
          const clash = q.busy.find(
            (b) => b.practitioner === slot.practitioner && b.start < blocked.end && b.end > blocked.start,
          );
          expect(clash).toBeUndefined();
        }
      }),
      runs,
    );
  });

  it("offers only working time: inside a roster window minus breaks, on an open date in range", () => {
    fc.assert(
      fc.property(slotQueryArb, (q) => {
        for (const slot of computeSlots(q)) {
          const date = localDateOf(slot.start, q.timezone);
          expect(q.closedDates.has(date)).toBe(false);
          expect(date >= q.from && date <= q.to).toBe(true);
          expect(q.practitioners).toContain(slot.practitioner);
          const windows = windowsOn(q, slot.practitioner, date);
          expect(isWorkingTime(q, windows, slot.start.getTime(), slot.end.getTime())).toBe(true);
          expect(slot.end.getTime() - slot.start.getTime()).toBe(q.service.durationMinutes * 60_000);
        }
      }),
      runs,
    );
  });

  it("respects notice, horizon and the present", () => {
    fc.assert(
      fc.property(slotQueryArb, (q) => {
        const { earliest, latest } = bookingBounds(q);
        for (const slot of computeSlots(q)) {
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(Math.max(earliest, q.now.getTime()));
          expect(slot.start.getTime()).toBeLessThanOrEqual(latest);
          expect(slot.remaining).toBeGreaterThanOrEqual(1);
          expect(slot.remaining).toBeLessThanOrEqual(q.service.capacity);
        }
      }),
      runs,
    );
  });

  it("is sorted by start then practitioner, with no duplicates", () => {
    fc.assert(
      fc.property(slotQueryArb, (q) => {
        const slots = computeSlots(q);
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1]!, slots[i]!];
          const ordered =
            a.start < b.start || (a.start.getTime() === b.start.getTime() && a.practitioner < b.practitioner);
          expect(ordered).toBe(true);
        }
      }),
      runs,
    );
  });

  it("matches a brute-force reference model exactly (nothing missing, nothing extra)", () => {
    fc.assert(
      fc.property(slotQueryArb, (q) => {
        expect(computeSlots(q)).toEqual(referenceSlots(q));
      }),
      runs,
    );
  });

  it("isSlotAvailable agrees with computeSlots, for offered starts and for arbitrary probes", () => {
    fc.assert(
      fc.property(slotQueryArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: -300, max: 300 }))), (q, probes) => {
        const slots = computeSlots(q);
        const offered = new Map(slots.map((s) => [`${s.start.getTime()}|${s.practitioner}`, s]));
        for (const slot of slots) expect(isSlotAvailable(q, slot.start, slot.practitioner)).toEqual(slot);
        // Probe near offered starts (and anywhere, when none), on and off the grid.
        for (const [pick, shiftMinutes] of probes) {
          const base = slots[pick % Math.max(1, slots.length)];
          const start = new Date((base?.start.getTime() ?? q.now.getTime()) + shiftMinutes * 60_000);
          const practitioner = base?.practitioner ?? q.practitioners[pick % q.practitioners.length]!;
          const date = localDateOf(start, q.timezone);
          if (date < q.from || date > q.to) continue; // computeSlots cannot speak for other dates
          const answer = isSlotAvailable(q, start, practitioner);
          expect(answer).toEqual(offered.get(`${start.getTime()}|${practitioner}`) ?? null);
        }
      }),
      runs,
    );
  });
});
