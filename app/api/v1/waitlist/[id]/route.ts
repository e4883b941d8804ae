import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { bearerToken } from "@/lib/scheduling/booking-access";
import { getWaitlistEntry } from "@/lib/waitlist/get-entry";

export const GET = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  return json({ entry: await getWaitlistEntry(await getDb(), id, bearerToken(request)) });
});
