import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { requestCallUs } from "@/lib/intake/request-call-us";

export const POST = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  return json(await requestCallUs(await getDb(), id, await readJsonObject(request)), 202);
});
