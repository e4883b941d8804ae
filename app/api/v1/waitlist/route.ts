import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { readJsonObject } from "@/lib/http/read-json";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";

export const POST = publicApiRoute(async (request) => {
  const body = await readJsonObject(request);
  return json(await joinWaitlist(await getDb(), { kind: "anonymous" }, body), 201);
});
