import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, practitionerLocations, practitionerPhotos, practitioners } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { requireSetupAdmin } from "./setup-access";
import { toPractitionerDto } from "./setup-rows";
import type { SetupPractitionerDto } from "./setup-types";

/** GET /api/v1/staff/admin/practitioners: every practitioner, inactive ones included. */
export async function listSetupPractitioners(db: Db, actor: Actor): Promise<{ practitioners: SetupPractitionerDto[] }> {
  await requireSetupAdmin(db, actor, "setup.practitioner.list");
  const [rows, placed, photos] = await Promise.all([
    db.select().from(practitioners).orderBy(asc(practitioners.name)),
    db
      .select({ practitionerId: practitionerLocations.practitionerId, slug: locations.slug })
      .from(practitionerLocations)
      .innerJoin(locations, eq(locations.id, practitionerLocations.locationId))
      .orderBy(asc(locations.slug)),
    db.select({ id: practitionerPhotos.practitionerId, sha256: practitionerPhotos.sha256 }).from(practitionerPhotos),
  ]);
  const shaOf = new Map(photos.map((x) => [x.id, x.sha256]));
  return {
    practitioners: rows.map((p) =>
      toPractitionerDto(
        p,
        placed.filter((l) => l.practitionerId === p.id).map((l) => l.slug),
        shaOf.get(p.id) ?? null,
      ),
    ),
  };
}
