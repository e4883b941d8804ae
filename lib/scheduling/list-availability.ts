import "server-only";
import type { Db } from "@/db/client";
import { availabilityQuerySchema } from "./schemas";
import { loadSlotQuery } from "./load-slot-query";
import { NotBookableOnline } from "@/lib/errors";
import { staffOnlyMessage } from "./booking-rules";
import { computeSlots } from "./slots";
import { toOffsetIso } from "./local-time";

export interface AvailabilityDto {
  timezone: string;
  slots: { start: string; end: string; practitioner: string; location: string; remaining: number }[];
}

/** Free times for one location and service, in the location's zone. */
export async function listAvailability(db: Db, input: unknown, now = new Date()): Promise<AvailabilityDto> {
  const q = availabilityQuerySchema.parse(input);
  const { query, location, service } = await loadSlotQuery(db, { ...q, now });
  if (!service.bookableOnline) throw new NotBookableOnline(staffOnlyMessage(location.phone));
  const slots = computeSlots(query);
  return {
    timezone: location.timezone,
    slots: slots.map((s) => ({
      start: toOffsetIso(s.start, location.timezone),
      end: toOffsetIso(s.end, location.timezone),
      practitioner: s.practitioner,
      location: s.location,
      remaining: s.remaining,
    })),
  };
}
