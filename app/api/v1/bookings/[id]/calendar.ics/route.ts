import { getDb } from "@/lib/db";
import { publicApiRoute } from "@/lib/http/api-response";
import { getBookingCalendar } from "@/lib/notifications/booking-calendar";
import { bearerToken } from "@/lib/scheduling/booking-access";

// The manage token comes only as a Bearer header: in a link's address (?token=) it would reach calendar apps and
// their providers, and it can cancel the booking. The pages download the file with the header instead.
export const GET = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const token = bearerToken(request);
  const ics = await getBookingCalendar(await getDb(), id, token);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="appointment.ics"',
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
});
