import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { listAvailability } from "@/lib/scheduling/list-availability";

export const GET = publicApiRoute(async (request) =>
  json(await listAvailability(await getDb(), searchParamsOf(request))),
);
