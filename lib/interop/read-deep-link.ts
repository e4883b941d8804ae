import "server-only";
import type { Db } from "@/db/client";
import type { AvailabilityDto } from "@/lib/scheduling/list-availability";
import { listAvailability } from "@/lib/scheduling/list-availability";
import { localDateOf } from "@/lib/scheduling/local-time";
import { offsetDateTimeSchema, type Referral, referralSchema, slugSchema } from "@/lib/scheduling/schemas";

type Params = Record<string, string | string[] | undefined>;

/** What a directory's deep link into /book chose, checked against the catalog and the time still being free. */
export interface DeepLink {
  service: string;
  location: string;
  practitioner: string | null;
  /** The time, when it is still free; null sends the patient to choose another. */
  slot: AvailabilityDto["slots"][number] | null;
  /** A time was asked for but is no longer free. */
  taken: boolean;
}

const one = (p: Params, name: string) => (typeof p[name] === "string" ? (p[name] as string) : undefined);

/** The `source` and `booking-referral` parameters a directory appends (SMART Scheduling Links), when well formed. */
export function readReferral(params: Params): Referral | null {
  const parsed = referralSchema.safeParse({
    source: one(params, "source"),
    bookingReferral: one(params, "booking-referral"),
  });
  if (!parsed.success || (!parsed.data.source && !parsed.data.bookingReferral)) return null;
  return parsed.data;
}

/**
 * `/book?service=&location=&practitioner=&start=`: the choices, when the service is offered at that location.
 * Anything unknown or malformed is ignored: the patient starts as usual.
 */
export async function readDeepLink(
  db: Db,
  params: Params,
  locations: { slug: string; timezone: string; services: string[] }[],
  now = new Date(),
): Promise<DeepLink | null> {
  const service = slugSchema.safeParse(one(params, "service"));
  const location = slugSchema.safeParse(one(params, "location"));
  const where = locations.find((l) => location.success && l.slug === location.data);
  if (!service.success || !where || !where.services.includes(service.data)) return null;
  const practitioner = slugSchema.safeParse(one(params, "practitioner"));
  const start = offsetDateTimeSchema.safeParse(one(params, "start"));
  const link: DeepLink = {
    service: service.data,
    location: where.slug,
    practitioner: practitioner.success ? practitioner.data : null,
    slot: null,
    taken: false,
  };
  if (!start.success) return link;
  try {
    const wanted = Date.parse(start.data);
    const day = localDateOf(new Date(wanted), where.timezone);
    const free = await listAvailability(
      db,
      {
        location: link.location,
        service: link.service,
        from: day,
        to: day,
        ...(link.practitioner ? { practitioner: link.practitioner } : {}),
      },
      now,
    );
    link.slot = free.slots.find((s) => Date.parse(s.start) === wanted) ?? null;
  } catch {
    // an unknown practitioner, say: the patient chooses from the list instead
    link.practitioner = null;
  }
  link.taken = link.slot === null;
  return link;
}
