import "server-only";
import type { HealthcareService, Location, Practitioner, PractitionerRole, Schedule, Slot } from "fhir/r4";
import type { Db } from "@/db/client";
import { services as servicesTable } from "@/db/schema";
import { listLocations } from "@/lib/catalog/list-locations";
import { listPractitioners } from "@/lib/catalog/list-practitioners";
import { listServices } from "@/lib/catalog/list-services";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { addDays, localDateOf } from "@/lib/scheduling/local-time";
import { scheduleId } from "./fhir-ids";
import {
  locationName,
  locationPhone,
  type Publisher,
  type ScheduleKey,
  toHealthcareService,
  toLocation,
  toPractitioner,
  toPractitionerRole,
  toSchedule,
  toSlot,
} from "./fhir-resources";

/** The days published: today and the 13 after, in each location's zone. */
export const FEED_DAYS = 14;

/** A published free slot, with the instant it stops being bookable (its start less the service's minimum notice). */
export interface PublishedSlot {
  resource: Slot;
  /** The resource as its NDJSON line, written once per build rather than on every poll. */
  line: string;
  startMs: number;
  closesAtMs: number;
}

/** Everything /fhir publishes, built at one instant. */
export interface Directory {
  builtAt: Date;
  locations: Location[];
  practitioners: Practitioner[];
  practitionerRoles: PractitionerRole[];
  healthcareServices: HealthcareService[];
  schedules: Schedule[];
  /** Sorted by start, then id. */
  slots: PublishedSlot[];
  /** The states the locations are in (the manifest's `extension.state`). */
  states: string[];
}

const PARALLEL = 4;

/**
 * Builds the whole published directory: the public catalog (inactive things are already left out of it) and, for
 * every location and service, the free times of GET /api/v1/availability over the next 14 days.
 */
export async function buildDirectory(db: Db, publisher: Publisher, now = new Date()): Promise<Directory> {
  const [locs, services, practitioners, notices] = await Promise.all([
    listLocations(db),
    listServices(db),
    listPractitioners(db),
    db.select({ slug: servicesTable.slug, minutes: servicesTable.minNoticeMinutes }).from(servicesTable),
  ]);
  const noticeMinutes = new Map(notices.map((n) => [n.slug, n.minutes]));
  const serviceBySlug = new Map(services.map((s) => [s.slug, s]));
  const pairs = locs.flatMap((l) =>
    l.services.filter((s) => serviceBySlug.has(s.slug)).map((s) => ({ l, s: serviceBySlug.get(s.slug)! })),
  );

  const schedules = new Map<string, { key: ScheduleKey; from: string; to: string }>();
  const slots: PublishedSlot[] = [];
  const practitionerName = new Map(practitioners.map((p) => [p.slug, p.name]));
  for (let i = 0; i < pairs.length; i += PARALLEL) {
    const batch = pairs.slice(i, i + PARALLEL);
    const answers = await Promise.all(
      batch.map(({ l, s }) => {
        const from = localDateOf(now, l.timezone);
        const to = addDays(from, FEED_DAYS - 1);
        return listAvailability(db, { location: l.slug, service: s.slug, from, to }, now).then((a) => ({
          l,
          s,
          from,
          to,
          free: a.slots,
        }));
      }),
    );
    for (const { l, s, from, to, free } of answers) {
      // every practitioner who may give the service there has a Schedule, free time or not
      const team = practitioners.filter((p) => p.discipline === s.discipline && p.locations.includes(l.slug));
      for (const p of [...team.map((t) => t.slug), ...free.map((f) => f.practitioner)]) {
        const key = { location: l.slug, service: s.slug, practitioner: p };
        schedules.set(scheduleId(l.slug, s.slug, p), { key, from, to });
      }
      const phone = locationPhone(publisher, l);
      const noticeMs = (noticeMinutes.get(s.slug) ?? 0) * 60_000;
      for (const f of free) {
        const startMs = Date.parse(f.start);
        const key = { location: l.slug, service: s.slug, practitioner: f.practitioner };
        const resource = toSlot(publisher, key, f, { phone, capacity: s.capacity });
        slots.push({
          resource,
          line: JSON.stringify(resource),
          startMs,
          closesAtMs: startMs - noticeMs,
        });
      }
    }
  }
  slots.sort((a, b) => a.startMs - b.startMs || (a.resource.id! < b.resource.id! ? -1 : 1));

  const locBySlug = new Map(locs.map((l) => [l.slug, l]));
  return {
    builtAt: now,
    locations: locs.map((l) => toLocation(publisher, l)),
    practitioners: practitioners.map((p) => toPractitioner(publisher, p)),
    practitionerRoles: practitioners.flatMap((p) =>
      p.locations
        .filter((slug) => locBySlug.has(slug))
        .map((slug) =>
          toPractitionerRole(
            publisher,
            p,
            locBySlug.get(slug)!,
            services.filter((s) => s.discipline === p.discipline && s.locations.includes(slug)),
          ),
        ),
    ),
    healthcareServices: services.map((s) =>
      toHealthcareService(
        publisher,
        s,
        s.locations.flatMap((slug) => (locBySlug.has(slug) ? [locBySlug.get(slug)!] : [])),
      ),
    ),
    schedules: [...schedules.values()]
      .map(({ key, from, to }) =>
        toSchedule(
          publisher,
          key,
          {
            location: locationName(publisher, locBySlug.get(key.location)!),
            service: serviceBySlug.get(key.service)!.name,
            practitioner: practitionerName.get(key.practitioner) ?? key.practitioner,
          },
          { from, to },
        ),
      )
      .sort((a, b) => (a.id! < b.id! ? -1 : 1)),
    slots,
    states: [
      ...new Set(
        locs.flatMap((l) => {
          const m = /\b(NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}$/.exec(l.address ?? "");
          return m ? [m[1]!] : [];
        }),
      ),
    ].sort(),
  };
}
