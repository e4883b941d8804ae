import { getDb } from "@/lib/db";
import { publicApiRoute } from "@/lib/http/api-response";
import { getBookingCalendar } from "@/lib/notifications/booking-calendar";
import { bearerToken } from "@/lib/scheduling/booking-access";

// The manage token may come as a Bearer header (API clients) or ?token= (a calendar app's "subscribe" link).
export const GET = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const token = bearerToken(request) ?? new URL(request.url).searchParams.get("token");
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
