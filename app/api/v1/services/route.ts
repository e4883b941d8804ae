import { z } from "zod";
import { listServices } from "@/lib/catalog/list-services";
import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { slugSchema } from "@/lib/scheduling/schemas";

const query = z.object({ location: slugSchema.optional() });

export const GET = publicApiRoute(async (request) => {
  const services = await listServices(await getDb(), query.parse(searchParamsOf(request)));
  return json({
    services: services.map(
      ({
        slug,
        name,
        discipline,
        durationMinutes,
        capacity,
        online,
        locations,
        feeCents,
        cancellationWindowHours,
      }) => ({
        slug,
        name,
        discipline,
        durationMinutes,
        capacity,
        online,
        locations,
        feeCents,
        cancellationWindowHours,
      }),
    ),
  });
});
