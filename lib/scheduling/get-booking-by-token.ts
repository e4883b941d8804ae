import "server-only";
import type { Db } from "@/db/client";
import { appointmentIdForManageToken } from "./booking-access";
import { loadBookingDetail } from "./booking-dto";
import { isOutsideCancellationWindow } from "./booking-rules";
import { toOffsetIso } from "./local-time";
import type { AppointmentStatus } from "@/db/schema/types";

export interface BookingView {
  id: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  service: { slug: string; name: string; durationMinutes: number };
  location: {
    slug: string;
    name: string;
    address: string | null;
    phone: string | null;
    timezone: string;
    online: boolean;
  };
  practitioner: { slug: string; name: string };
  patient: { firstName: string };
  cancellationWindowHours: number;
  canCancel: boolean;
  canReschedule: boolean;
}

/** What the patient's manage page shows; null for an unknown token. */
export async function getBookingByManageToken(db: Db, token: string, now = new Date()): Promise<BookingView | null> {
  const id = await appointmentIdForManageToken(db, token);
  if (!id) return null;
  const d = await loadBookingDetail(db, id);
  if (!d) return null;
  const tz = d.location.timezone;
  const open =
    d.a.status === "booked" && isOutsideCancellationWindow(d.a.startsAt, d.service.cancellationWindowHours, now);
  return {
    id: d.a.id,
    status: d.a.status,
    start: toOffsetIso(d.a.startsAt, tz),
    end: toOffsetIso(d.a.endsAt, tz),
    service: { slug: d.service.slug, name: d.service.name, durationMinutes: d.service.durationMinutes },
    location: {
      slug: d.location.slug,
      name: d.location.name,
      address: d.location.address,
      phone: d.location.phone,
      timezone: tz,
      online: d.location.online,
    },
    practitioner: d.practitioner,
    patient: { firstName: d.patient.firstName },
    cancellationWindowHours: d.service.cancellationWindowHours,
    canCancel: open,
    canReschedule: open,
  };
}
