import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { setAppointmentStatus } from "@/lib/staff/set-appointment-status";

export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(
    ["reception", "admin", "practitioner"],
    "POST /api/v1/staff/appointments/{id}/status",
  );
  const { id } = await params;
  const body = await readJsonObject(request);
  return json({ appointment: await setAppointmentStatus(await getDb(), actor, id, body) });
});
