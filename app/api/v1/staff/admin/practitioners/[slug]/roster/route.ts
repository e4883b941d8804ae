import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject, searchParamsOf } from "@/lib/http/read-json";
import { listRosters } from "@/lib/setup/list-rosters";
import { setRoster } from "@/lib/setup/set-roster";
import { isDryRun } from "@/lib/setup/working-time-schemas";
import { STAFF_ROLES } from "@/lib/staff/schemas";

type Ctx = { params: Promise<{ slug: string }> };

/** api.md: the rosters in force and to come at `?location=SLUG`. Signed-in staff; the verb lets admins only. */
export const GET = apiRoute<Ctx>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "GET /api/v1/staff/admin/practitioners/{slug}/roster");
  const { slug } = await params;
  return json(await listRosters(await getDb(), actor, slug, searchParamsOf(request)));
});

/** api.md: sets the roster at one location from `validFrom`; `?dryRun=1` answers with a preview and saves nothing. */
export const PUT = apiRoute<Ctx>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "PUT /api/v1/staff/admin/practitioners/{slug}/roster");
  const { slug } = await params;
  const body = await readJsonObject(request);
  const dryRun = isDryRun(searchParamsOf(request));
  return json(await setRoster(await getDb(), actor, slug, body, { dryRun }));
});
