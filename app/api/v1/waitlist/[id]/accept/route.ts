import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { bearerToken } from "@/lib/scheduling/booking-access";
import { acceptOffer } from "@/lib/waitlist/accept-offer";

export const POST = publicApiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  return json(await acceptOffer(await getDb(), { kind: "patient" }, id, bearerToken(request)), 201);
});
