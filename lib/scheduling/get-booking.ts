import "server-only";
import type { Db } from "@/db/client";
import { NotFound } from "@/lib/errors";
import { appointmentForToken } from "./booking-access";
import { type BookingDto, loadBookingDetail, toBookingDto } from "./booking-dto";

/** `GET /api/v1/bookings/{id}` with the manage token. */
export async function getBooking(db: Db, id: string, token: string | null): Promise<BookingDto> {
  const row = await appointmentForToken(db, id, token);
  const detail = await loadBookingDetail(db, row.id);
  if (!detail) throw new NotFound();
  return toBookingDto(detail);
}
