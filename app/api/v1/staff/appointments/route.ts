import { requireStaffApi } from "@/lib/auth";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject, searchParamsOf } from "@/lib/http/read-json";
import { bookPhoneAppointment } from "@/lib/staff/book-phone-appointment";
import { listDayAppointments } from "@/lib/staff/list-day-appointments";

/** api.md: a location's appointments on one day; practitioners get only their own. */
export const GET = apiRoute(async (request) => {
  const actor = await requireStaffApi(["reception", "admin", "practitioner"], "GET /api/v1/staff/appointments");
  return json(await listDayAppointments(await getDb(), actor, searchParamsOf(request)));
});

/** A phone booking by reception (minimum notice waived); signed-in staff only, and the verb checks the role. */
export const POST = apiRoute(async (request) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/appointments");
  const body = await readJsonObject(request);
  return json(await bookPhoneAppointment(await getDb(), actor, body), 201);
});
