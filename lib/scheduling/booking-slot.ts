import "server-only";
import type { Tx } from "@/db/client";
import { NotBookableOnline, SlotUnavailable } from "@/lib/errors";
import { assertInsideBookingWindow, staffOnlyMessage } from "./booking-rules";
import { loadSlotQuery, type SlotContext } from "./load-slot-query";
import { addDays } from "./local-time";
import type { CreateBookingInput } from "./schemas";
import type { Slot } from "./slot-types";
import { isSlotAvailable } from "./slots";

type SlotAsked = Pick<CreateBookingInput, "location" | "service" | "practitioner" | "start">;

/** The catalog and schedule around the time asked for, in one statement. */
export function readSlotContext(
  tx: Tx,
  input: SlotAsked,
  now: Date,
  byStaff: boolean,
  viaOfferId?: string,
): Promise<SlotContext> {
  // The location's zone is not known before the read, so it covers the UTC date either side; the engine checks
  // the one local day the time falls on.
  const utcDay = new Date(input.start).toISOString().slice(0, 10);
  return loadSlotQuery(tx, {
    ...input,
    from: addDays(utcDay, -1),
    to: addDays(utcDay, 1),
    now,
    ignoreMinNotice: byStaff,
    // an open wait-list offer keeps its time from the public; the front desk may still book over it
    holds: byStaff ? { respect: false } : { respect: true, exceptOfferId: viaOfferId },
  });
}

/** The slot the booking asks for, checked against the booking window and the schedule just read. */
export function chooseSlot(
  { query, location, service }: SlotContext,
  input: Pick<SlotAsked, "start" | "practitioner">,
  now: Date,
  byStaff: boolean,
): Slot {
  // a service set up as "bookable by staff only" is booked over the phone, never online
  if (!byStaff && !service.bookableOnline) throw new NotBookableOnline(staffOnlyMessage(location.phone));
  const start = new Date(input.start);
  assertInsideBookingWindow(start, query.service, now, { ignoreMinNotice: byStaff, phone: location.phone });
  const candidates = input.practitioner ? [input.practitioner] : [...query.practitioners].sort();
  const slot = candidates.map((p) => isSlotAvailable(query, start, p)).find((s) => s !== null);
  if (!slot) throw new SlotUnavailable("That time is not available. Please choose another.");
  return slot;
}
