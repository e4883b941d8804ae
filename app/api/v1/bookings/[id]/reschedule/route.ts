import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { bearerToken } from "@/lib/scheduling/booking-access";
import { rescheduleAppointment } from "@/lib/scheduling/reschedule-appointment";

export const POST = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const booking = await rescheduleAppointment(
    await getDb(),
    { kind: "patient", appointmentId: id },
    id,
    { token: bearerToken(request) },
    await readJsonObject(request),
  );
  return json({ booking });
});
