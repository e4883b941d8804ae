import { z } from "zod";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { getDb } from "@/lib/db";
import { json, publicApiRoute } from "@/lib/http/api-response";
import { searchParamsOf } from "@/lib/http/read-json";
import { listNextFree } from "@/lib/scheduling/list-next-free";
import { slugSchema } from "@/lib/scheduling/schemas";

const query = z
  .object({
    location: slugSchema.optional(),
    discipline: z.enum(["sports-physio", "exercise-physiology"], "Use sports-physio or exercise-physiology").optional(),
    // with a service (and a location), each practitioner carries the start of their next free time for it
    service: slugSchema.optional(),
  })
  .refine((q) => !q.service || q.location, { path: ["location"], message: "Name the location to ask for free times" });

export const GET = publicApiRoute(async (request) => {
  const q = query.parse(searchParamsOf(request));
  const db = await getDb();
  const practitioners = await listPractitioners(db, q);
  const next =
    q.service && q.location
      ? await listNextFree(db, {
          location: q.location,
          service: q.service,
          practitioners: practitioners.map((p) => p.slug),
        })
      : null;
  return json({
    // the public profile, field by field: nothing else about a practitioner leaves the server
    practitioners: practitioners.map((p) => ({
      slug: p.slug,
      name: p.name,
      discipline: p.discipline,
      locations: p.locations,
      title: p.title,
      qualifications: p.qualifications,
      ahpraNumber: p.ahpraNumber,
      bio: p.bio,
      photo: p.photo,
      ...(next ? { nextFree: next.get(p.slug) ?? null } : {}),
    })),
  });
});
