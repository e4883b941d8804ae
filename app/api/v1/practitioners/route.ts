import { z } from "zod";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { slugSchema } from "@/lib/scheduling/schemas";

const query = z.object({
  location: slugSchema.optional(),
  discipline: z.enum(["sports-physio", "exercise-physiology"], "Use sports-physio or exercise-physiology").optional(),
});

export const GET = publicApiRoute(async (request) => {
  const practitioners = await listPractitioners(await getDb(), query.parse(searchParamsOf(request)));
  return json({
    practitioners: practitioners.map(({ slug, name, discipline, locations }) => ({
      slug,
      name,
      discipline,
      locations,
    })),
  });
});
