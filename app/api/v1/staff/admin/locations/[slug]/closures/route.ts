import { requireStaffApi } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api-response";
import { readJsonObject, searchParamsOf } from "@/lib/http/read-json";
import { addClosure } from "@/lib/setup/add-closure";
import { listClosures } from "@/lib/setup/list-closures";
import { isDryRun } from "@/lib/setup/working-time-schemas";
import { STAFF_ROLES } from "@/lib/staff/schemas";

type Ctx = { params: Promise<{ slug: string }> };

/** The location's closures from today on. Admins only (the verb checks). */
export const GET = apiRoute<Ctx>(async (_request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "GET /api/v1/staff/admin/locations/{slug}/closures");
  const { slug } = await params;
  return json(await listClosures(await getDb(), actor, slug));
});

/** api.md: closes the location for whole days, answering the clashes; `?dryRun=1` saves nothing (200). */
export const POST = apiRoute<Ctx>(async (request, { params }) => {
  const actor = await requireStaffApi(STAFF_ROLES, "POST /api/v1/staff/admin/locations/{slug}/closures");
  const { slug } = await params;
  const body = await readJsonObject(request);
  const dryRun = isDryRun(searchParamsOf(request));
  return json(await addClosure(await getDb(), actor, slug, body, { dryRun }), dryRun ? 200 : 201);
});
