import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { setOpenDay } from "@/lib/setup/set-open-day";
import { STAFF_ROLES } from "@/lib/staff/schemas";

type Ctx = { params: Promise<{ slug: string; date: string }> };

/** Opens the location on a public holiday ("open this day"). Admins only (the verb checks). */
export const PUT = apiRoute<Ctx>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "PUT /api/v1/staff/admin/locations/{slug}/open-days/{date}");
  const { slug, date } = await params;
  return json(await setOpenDay(await getDb(), actor, slug, date, true));
});

/** Closes it again on that holiday; its bookings come back as clashes. */
export const DELETE = apiRoute<Ctx>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "DELETE /api/v1/staff/admin/locations/{slug}/open-days/{date}");
  const { slug, date } = await params;
  return json(await setOpenDay(await getDb(), actor, slug, date, false));
});
