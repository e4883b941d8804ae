import { requireStaffApi } from "@/lib/auth";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { resendAppointmentEmail } from "@/lib/staff/resend-appointment-email";

/** Body `{"kind": "confirmation" | "intake"}`; the verb checks the role (front desk), once. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/appointments/{id}/resend");
  const { id } = await params;
  const body = await readJsonObject(request);
  return json({ resend: await resendAppointmentEmail(await getDb(), actor, id, body) });
});
