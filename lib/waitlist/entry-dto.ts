import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { locations, practitioners, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { env } from "@/lib/env";
import { toOffsetIso } from "@/lib/scheduling/local-time";
import { hashToken, tokenMatches } from "@/lib/security/tokens";

export interface WaitlistEntryDto {
  id: string;
  status: "waiting" | "offered" | "booked" | "expired" | "left";
  service: string;
  location: string;
  practitioner: string | null;
  earliest: string;
  latest: string;
  partsOfDay: string[];
  offer: { start: string; end: string; practitioner: string; location: string; expiresAt: string } | null;
  booking: { id: string } | null;
}

export function waitlistManageUrl(token: string): string {
  return new URL(`/wait-list/${token}`, env.PUBLIC_BASE_URL).toString();
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The entry a manage token opens (404 for a wrong id or token, never saying which); locked when asked. */
export async function entryForToken(db: Db | Tx, id: string, token: string | null, opts: { lock?: boolean } = {}) {
  if (!token || !TOKEN.test(token) || !UUID.test(id)) throw new NotFound("We could not find that wait-list entry.");
  const q = db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row || !tokenMatches(token, row.manageTokenHash)) throw new NotFound("We could not find that wait-list entry.");
  return row;
}

/** The entry id for a manage token alone (the manage page's URL carries no id). */
export async function entryIdForToken(db: Db, token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select({ id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(eq(waitlistEntries.manageTokenHash, hashToken(token)));
  return row?.id ?? null;
}

/** The entry as the API shows it, with its open offer (if any) and its booking. */
export async function loadEntryDto(db: Db | Tx, id: string, now = new Date()): Promise<WaitlistEntryDto> {
  const [row] = await db
    .select({ e: waitlistEntries, service: services.slug, location: locations.slug, timezone: locations.timezone })
    .from(waitlistEntries)
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .innerJoin(locations, eq(locations.id, waitlistEntries.locationId))
    .where(eq(waitlistEntries.id, id));
  if (!row) throw new NotFound("We could not find that wait-list entry.");
  const e = row.e;
  const [offer] = await db
    .select({ o: waitlistOffers, practitioner: practitioners.slug })
    .from(waitlistOffers)
    .innerJoin(practitioners, eq(practitioners.id, waitlistOffers.practitionerId))
    .where(and(eq(waitlistOffers.entryId, id), eq(waitlistOffers.status, "open")))
    .orderBy(desc(waitlistOffers.createdAt))
    .limit(1);
  const practitioner = e.practitionerId
    ? (
        await db.select({ slug: practitioners.slug }).from(practitioners).where(eq(practitioners.id, e.practitionerId))
      )[0]
    : undefined;
  const live = offer && offer.o.expiresAt > now;
  const tz = row.timezone;
  return {
    id: e.id,
    // an offer past its hold reads as waiting until the expiry job has run
    status: e.status === "offered" && !live ? "waiting" : e.status,
    service: row.service,
    location: row.location,
    practitioner: practitioner?.slug ?? null,
    earliest: e.earliest,
    latest: e.latest,
    partsOfDay: e.partsOfDay,
    offer: live
      ? {
          start: toOffsetIso(offer.o.startsAt, tz),
          end: toOffsetIso(offer.o.endsAt, tz),
          practitioner: offer.practitioner,
          location: row.location,
          expiresAt: toOffsetIso(offer.o.expiresAt, tz),
        }
      : null,
    booking: e.appointmentId ? { id: e.appointmentId } : null,
  };
}

export async function openOffersOf(db: Db | Tx, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return db
    .select()
    .from(waitlistOffers)
    .where(and(inArray(waitlistOffers.entryId, entryIds), eq(waitlistOffers.status, "open")));
}
