import { listLocations } from "@/lib/catalog/list-locations";
import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";

export const GET = publicApiRoute(async () => {
  const locations = await listLocations(await getDb());
  return json({
    locations: locations.map(({ slug, name, timezone, address, online }) => ({
      slug,
      name,
      timezone,
      address,
      online,
    })),
  });
});
