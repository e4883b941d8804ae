import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { bearerToken } from "@/lib/scheduling/booking-access";
import { getBooking } from "@/lib/scheduling/get-booking";

export const GET = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  return json({ booking: await getBooking(await getDb(), id, bearerToken(request)) });
});
