import "server-only";
import type { Db } from "@/db/client";
import { NotFound } from "@/lib/errors";
import { appointmentForToken } from "@/lib/scheduling/booking-access";
import { loadBookingDetail } from "@/lib/scheduling/booking-dto";
import { buildBookingIcs, calendarSequence } from "./ics";
import { mailDomain } from "./mailer";

/** `GET /api/v1/bookings/{id}/calendar.ics`: the same calendar entry as the confirmation email's, by manage token. */
export async function getBookingCalendar(db: Db, id: string, token: string | null): Promise<string> {
  const row = await appointmentForToken(db, id, token);
  const detail = await loadBookingDetail(db, row.id);
  if (!detail) throw new NotFound();
  return buildBookingIcs(detail, { sequence: await calendarSequence(db, detail), uidDomain: mailDomain() });
}
