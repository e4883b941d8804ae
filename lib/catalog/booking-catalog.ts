import "server-only";
import type { Db } from "@/db/client";
import { readClinicIdentity } from "@/lib/setup/clinic-identity";
import { type LocationDto, listLocations } from "./list-locations";
import { listServices, type ServiceDto } from "./list-services";

/** A service as the booking flow offers it: what the patient sees before choosing, and where it is offered. */
export interface CatalogService {
  slug: string;
  name: string;
  discipline: string;
  durationMinutes: number;
  /** Australian cents; 0 is bulk billed; null: no fee shown. */
  feeCents: number | null;
  cancellationWindowHours: number;
  /** Location slugs. */
  locations: string[];
}

/** A location with the slugs of the services it offers online. */
export type CatalogLocation = Omit<LocationDto, "services"> & { services: string[] };

/** Everything /book needs to draw its steps without asking the API again. */
export interface BookingCatalog {
  locations: CatalogLocation[];
  services: CatalogService[];
  /** The group's phone, for locations without their own. */
  clinicPhone: string;
}

type OfferedService = Pick<ServiceDto, "slug" | "durationMinutes" | "feeCents" | "cancellationWindowHours">;

/**
 * Turns the locations (each with the services it offers) and the services' terms into the booking flow's catalogue.
 * Durations, fees and policies come with the page, so the service list does not change once it is on screen.
 */
export function toBookingCatalog(
  locations: LocationDto[],
  offered: OfferedService[],
  clinicPhone: string,
): BookingCatalog {
  const bySlug = new Map(offered.map((s) => [s.slug, s]));
  const services = new Map<string, CatalogService>();
  for (const l of locations)
    for (const s of l.services) {
      const entry = services.get(s.slug) ?? {
        slug: s.slug,
        name: s.name,
        discipline: s.discipline,
        durationMinutes: bySlug.get(s.slug)?.durationMinutes ?? 0,
        feeCents: bySlug.get(s.slug)?.feeCents ?? null,
        cancellationWindowHours: bySlug.get(s.slug)?.cancellationWindowHours ?? 24,
        locations: [],
      };
      entry.locations.push(l.slug);
      services.set(s.slug, entry);
    }
  return {
    locations: locations.map(({ services: here, ...l }) => ({ ...l, services: here.map((s) => s.slug) })),
    services: [...services.values()],
    clinicPhone,
  };
}

/** The catalogue for /book, read from the database. */
export async function loadBookingCatalog(db: Db): Promise<BookingCatalog> {
  const [locations, offered, group] = await Promise.all([listLocations(db), listServices(db), readClinicIdentity(db)]);
  return toBookingCatalog(locations, offered, group.phone);
}

/** The location a `?location=` link asked for, when the catalogue has it; otherwise none. */
export function knownLocation(catalog: BookingCatalog, wanted: unknown): string | null {
  return typeof wanted === "string" && catalog.locations.some((l) => l.slug === wanted) ? wanted : null;
}
