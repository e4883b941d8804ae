import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { locations, practitioners, services } from "@/db/schema";
import { entryForToken, entryIdForToken, loadEntryDto, type WaitlistEntryDto } from "./entry-dto";

/** The patient's own entry, by its manage token (404 for a wrong id or token). */
export async function getWaitlistEntry(
  db: Db,
  id: string,
  token: string | null,
  now = new Date(),
): Promise<WaitlistEntryDto> {
  await entryForToken(db, id, token);
  return loadEntryDto(db, id, now);
}

/** The manage page: the entry for a token alone, or null. */
export async function getWaitlistEntryByToken(db: Db, token: string, now = new Date()) {
  const id = await entryIdForToken(db, token);
  return id ? loadEntryDto(db, id, now) : null;
}

/** What the patient's wait-list page shows: the entry with names to read, and the location's zone and phone. */
export async function getWaitlistPage(db: Db, token: string, now = new Date()) {
  const id = await entryIdForToken(db, token);
  if (!id) return null;
  const entry = await loadEntryDto(db, id, now);
  const [row] = await db
    .select({ serviceName: services.name, durationMinutes: services.durationMinutes, location: locations })
    .from(services)
    .innerJoin(locations, eq(locations.slug, entry.location))
    .where(eq(services.slug, entry.service));
  const slugs = [entry.practitioner, entry.offer?.practitioner].filter((s): s is string => !!s);
  const names = slugs.length
    ? await db
        .select({ slug: practitioners.slug, name: practitioners.name })
        .from(practitioners)
        .where(inArray(practitioners.slug, slugs))
    : [];
  const nameOf = (slug: string | null | undefined) => names.find((n) => n.slug === slug)?.name ?? null;
  return {
    entry,
    serviceName: row!.serviceName,
    durationMinutes: row!.durationMinutes,
    location: {
      slug: row!.location.slug,
      name: row!.location.name,
      timezone: row!.location.timezone,
      online: row!.location.online,
      phone: row!.location.phone,
      address: row!.location.address,
    },
    practitionerName: nameOf(entry.practitioner),
    offerPractitionerName: nameOf(entry.offer?.practitioner),
  };
}
export type WaitlistPageView = NonNullable<Awaited<ReturnType<typeof getWaitlistPage>>>;
