import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { readOptionalJsonObject } from "@/lib/http/read-json";
import { bearerToken } from "@/lib/scheduling/booking-access";
import { cancelAppointment } from "@/lib/scheduling/cancel-appointment";

export const POST = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const body = await readOptionalJsonObject(request);
  const booking = await cancelAppointment(
    await getDb(),
    { kind: "patient", appointmentId: id },
    id,
    { token: bearerToken(request) },
    body,
  );
  return json({ booking });
});
