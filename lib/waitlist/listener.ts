import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, services } from "@/db/schema";
import type { BookingEvent } from "@/lib/scheduling/booking-events";
import type { WaitlistJobInsert } from "./queue";
import { enqueueWaitlistJobs } from "./queue";

const MINUTE = 60_000;

/**
 * Scheduling's booking events, as wait-list jobs queued in the same transaction: a cancelled or moved appointment's
 * time, and working time added back, may suit waiting entries; a booking may make its patient's entries leave.
 */
export async function enqueueWaitlistWork(tx: Tx, events: BookingEvent[]): Promise<void> {
  const ids = events.flatMap((e) => (e.kind === "time-freed" ? [] : [e.appointmentId]));
  const rows = ids.length
    ? await tx
        .select({
          id: appointments.id,
          locationId: appointments.locationId,
          practitionerId: appointments.practitionerId,
          serviceId: appointments.serviceId,
          blocked: appointments.blocked,
          startsAt: appointments.startsAt,
          before: services.bufferBeforeMinutes,
          after: services.bufferAfterMinutes,
          duration: services.durationMinutes,
        })
        .from(appointments)
        .innerJoin(services, eq(services.id, appointments.serviceId))
        .where(inArray(appointments.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const jobs: WaitlistJobInsert[] = [];
  for (const e of events) {
    if (e.kind === "time-freed") {
      jobs.push({
        data: {
          kind: "freed",
          locationId: e.locationId,
          practitionerId: e.practitionerId,
          start: e.start.toISOString(),
          end: e.end.toISOString(),
        },
      });
      continue;
    }
    const a = byId.get(e.appointmentId);
    if (!a) continue;
    if (e.kind === "booked") jobs.push({ data: { kind: "booked", appointmentId: a.id } });
    else if (e.kind === "cancelled")
      jobs.push({
        data: {
          kind: "freed",
          locationId: a.locationId,
          practitionerId: a.practitionerId,
          start: a.blocked.start.toISOString(),
          end: a.blocked.end.toISOString(),
          serviceId: a.serviceId,
          preferredStart: a.startsAt.toISOString(),
        },
      });
    else if (e.kind === "moved" && e.freed) {
      const start = new Date(e.freed.start.getTime() - a.before * MINUTE);
      const end = new Date(e.freed.start.getTime() + (a.duration + a.after) * MINUTE);
      jobs.push({
        data: {
          kind: "freed",
          locationId: a.locationId,
          practitionerId: e.freed.practitionerId,
          start: start.toISOString(),
          end: end.toISOString(),
          serviceId: a.serviceId,
          preferredStart: e.freed.start.toISOString(),
        },
      });
    }
  }
  await enqueueWaitlistJobs(tx, jobs);
}
