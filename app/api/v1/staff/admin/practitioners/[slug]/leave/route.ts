import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject, searchParamsOf } from "@/lib/http/read-json";
import { addLeave } from "@/lib/setup/add-leave";
import { listLeave } from "@/lib/setup/list-leave";
import { isDryRun } from "@/lib/setup/working-time-schemas";
import { STAFF_ROLES } from "@/lib/staff/schemas";

type Ctx = { params: Promise<{ slug: string }> };

/** The practitioner's leave that has not ended yet. Admins only (the verb checks). */
export const GET = apiRoute<Ctx>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "GET /api/v1/staff/admin/practitioners/{slug}/leave");
  const { slug } = await params;
  return json(await listLeave(await getDb(), actor, slug));
});

/** api.md: adds leave, answering the clashes; `?dryRun=1` lists them and saves nothing (200). */
export const POST = apiRoute<Ctx>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/admin/practitioners/{slug}/leave");
  const { slug } = await params;
  const body = await readJsonObject(request);
  const dryRun = isDryRun(searchParamsOf(request));
  return json(await addLeave(await getDb(), actor, slug, body, { dryRun }), dryRun ? 200 : 201);
});
