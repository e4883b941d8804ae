import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { loadSlotQuery } from "@/lib/scheduling/load-slot-query";
import { toOffsetIso } from "@/lib/scheduling/local-time";
import { computeSlots } from "@/lib/scheduling/slots";
import { staffAvailabilitySchema } from "./reception-schemas";
import type { StaffSlot } from "./reception-types";
import { FRONT_DESK, requireRole } from "./staff-access";

/** Free times on one day for reception: like the public availability, but minimum notice waived. */
export async function listStaffAvailability(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<{ timezone: string; slots: StaffSlot[] }> {
  await requireRole(db, actor, FRONT_DESK, "availability.staff");
  const q = staffAvailabilitySchema.parse(rawInput);
  const { query, location } = await loadSlotQuery(db, {
    location: q.location,
    service: q.service,
    practitioner: q.practitioner,
    from: q.date,
    to: q.date,
    now,
    ignoreMinNotice: true,
    ignoreAppointmentId: q.exclude,
  });
  const tz = location.timezone;
  return {
    timezone: tz,
    slots: computeSlots(query).map((s) => ({
      start: toOffsetIso(s.start, tz),
      end: toOffsetIso(s.end, tz),
      practitioner: s.practitioner,
      remaining: s.remaining,
    })),
  };
}
