import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { bearerToken } from "@/lib/scheduling/booking-access";
import { leaveWaitlist } from "@/lib/waitlist/leave-waitlist";

export const POST = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  return json({ entry: await leaveWaitlist(await getDb(), { kind: "patient" }, id, bearerToken(request)) });
});
