import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { listHolidays } from "@/lib/setup/list-holidays";
import { STAFF_ROLES } from "@/lib/staff/schemas";

/** The location's public holidays for the next 180 days, each with its "open this day" mark. Admins only. */
export const GET = apiRoute<{ params: Promise<{ slug: string }> }>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "GET /api/v1/staff/admin/locations/{slug}/open-days");
  const { slug } = await params;
  return json(await listHolidays(await getDb(), actor, slug));
});
