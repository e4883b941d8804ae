import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { practitionerPhotos, practitioners } from "@/db/schema";

/** An active practitioner's stored photo, or null (none, or no such practitioner on the public list). */
export async function readPractitionerPhoto(
  db: Db,
  slug: string,
): Promise<{ contentType: string; bytes: Uint8Array; sha256: string } | null> {
  const [row] = await db
    .select({
      contentType: practitionerPhotos.contentType,
      bytes: practitionerPhotos.bytes,
      sha256: practitionerPhotos.sha256,
    })
    .from(practitionerPhotos)
    .innerJoin(practitioners, eq(practitioners.id, practitionerPhotos.practitionerId))
    .where(and(eq(practitioners.slug, slug), eq(practitioners.active, true)));
  return row ?? null;
}
