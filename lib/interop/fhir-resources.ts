// Pure mappers from the public catalog and availability to FHIR R4 resources (SMART Scheduling Links profiles).
// Nothing about patients or appointments goes in: a Slot says free, its time and how to book it.
import type {
  Address,
  ContactPoint,
  HealthcareService,
  Location,
  Practitioner,
  PractitionerRole,
  Reference,
  Schedule,
  Slot,
} from "fhir/r4";
import { practitionerRoleId, scheduleId, slotId } from "./fhir-ids";

export const SMART_EXT = "http://fhir-registry.smarthealthit.org/StructureDefinition";
export const BOOKING_DEEP_LINK = `${SMART_EXT}/booking-deep-link`;
export const BOOKING_PHONE = `${SMART_EXT}/booking-phone`;
export const SLOT_CAPACITY = `${SMART_EXT}/slot-capacity`;
const TIMEZONE_EXT = "http://hl7.org/fhir/StructureDefinition/timezone";

/** What the mappers need to know about the group and where it is served. */
export interface Publisher {
  /** The site's origin, e.g. "https://book.harbourphysio.com.au" (no trailing slash). */
  baseUrl: string;
  groupName: string;
  groupPhone: string;
}

export interface PublicLocation {
  slug: string;
  name: string;
  timezone: string;
  address: string | null;
  phone: string | null;
  online: boolean;
}
export interface PublicService {
  slug: string;
  name: string;
  description: string;
  discipline: string;
  durationMinutes: number;
  capacity: number;
  locations: string[];
}
export interface PublicPractitioner {
  slug: string;
  name: string;
  title: string;
  discipline: string;
  locations: string[];
  qualifications?: string;
  ahpraNumber?: string | null;
  photo?: string | null;
}

/** AU Base's namespace and identifier type for an AHPRA registration number. */
const AHPRA_SYSTEM = "http://hl7.org.au/id/ahpra-registration-number";
const AHPRA_TYPE = { system: "http://terminology.hl7.org.au/CodeSystem/v2-0203-extended", code: "AHPRA" };
/** One practitioner giving one service at one location: a Schedule. */
export interface ScheduleKey {
  location: string;
  service: string;
  practitioner: string;
}
/** A free time as GET /api/v1/availability gives it (ISO times with the location's offset). */
export interface FreeSlot {
  start: string;
  end: string;
  practitioner: string;
  location: string;
  remaining: number;
}

const DISCIPLINES: Record<string, string> = {
  "sports-physio": "Sports physiotherapy",
  "exercise-physiology": "Exercise physiology",
};
const disciplineText = (d: string) => DISCIPLINES[d] ?? d;
const ref = (type: string, id: string, display?: string): Reference => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});
const identifier = (p: Publisher, kind: string, slug: string) => [
  { system: `${p.baseUrl}/fhir/sid/${kind}`, value: slug },
];

/** "Level 4, 60 Martin Place, Sydney NSW 2000" → lines, city, state and postcode (Australian addresses). */
export function parseAddress(text: string): Address {
  const parts = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const last = parts.at(-1) ?? "";
  const m = /^(.*?)\s+(NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+(\d{4})$/i.exec(last);
  if (!m) return { use: "work", type: "physical", text, line: [text], country: "AU" };
  return {
    use: "work",
    type: "physical",
    text,
    line: parts.slice(0, -1),
    city: m[1]!,
    state: m[2]!.toUpperCase(),
    postalCode: m[3]!,
    country: "AU",
  };
}

export const locationPhone = (p: Publisher, l: PublicLocation) => l.phone ?? p.groupPhone;
export const locationName = (p: Publisher, l: PublicLocation) => `${p.groupName} ${l.name}`;

export function toLocation(p: Publisher, l: PublicLocation): Location {
  const telecom: ContactPoint[] = [
    { system: "phone", value: locationPhone(p, l), use: "work" },
    { system: "url", value: `${p.baseUrl}/book?location=${encodeURIComponent(l.slug)}`, use: "work" },
  ];
  return {
    resourceType: "Location",
    id: l.slug,
    identifier: identifier(p, "location", l.slug),
    status: "active",
    name: locationName(p, l),
    ...(l.online
      ? {
          description: "Video appointments, from wherever you are.",
          physicalType: {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/location-physical-type",
                code: "vi",
                display: "Virtual",
              },
            ],
          },
        }
      : { description: l.address ?? undefined, address: l.address ? parseAddress(l.address) : undefined }),
    mode: "instance",
    telecom,
    extension: [{ url: TIMEZONE_EXT, valueCode: l.timezone }],
  };
}

export function toPractitioner(p: Publisher, pr: PublicPractitioner): Practitioner {
  const words = pr.name.trim().split(/\s+/);
  return {
    resourceType: "Practitioner",
    id: pr.slug,
    identifier: [
      ...identifier(p, "practitioner", pr.slug),
      ...(pr.ahpraNumber ? [{ type: { coding: [AHPRA_TYPE] }, system: AHPRA_SYSTEM, value: pr.ahpraNumber }] : []),
    ],
    active: true,
    name: [
      {
        use: "official",
        text: pr.name,
        ...(words.length > 1 ? { family: words.at(-1)!, given: words.slice(0, -1) } : { given: words }),
      },
    ],
    ...(pr.photo ? { photo: [{ url: new URL(pr.photo, `${p.baseUrl}/`).href }] } : {}),
    ...(pr.qualifications ? { qualification: [{ code: { text: pr.qualifications } }] } : {}),
  };
}

/** A practitioner at one location, with the services they give there. */
export function toPractitionerRole(
  p: Publisher,
  pr: PublicPractitioner,
  l: PublicLocation,
  services: PublicService[],
): PractitionerRole {
  return {
    resourceType: "PractitionerRole",
    id: practitionerRoleId(pr.slug, l.slug),
    active: true,
    practitioner: ref("Practitioner", pr.slug, pr.name),
    location: [ref("Location", l.slug, locationName(p, l))],
    healthcareService: services.map((s) => ref("HealthcareService", s.slug, s.name)),
    code: [{ text: pr.title }],
    specialty: [{ text: disciplineText(pr.discipline) }],
    telecom: [{ system: "phone", value: locationPhone(p, l), use: "work" }],
  };
}

export function toHealthcareService(p: Publisher, s: PublicService, at: PublicLocation[]): HealthcareService {
  return {
    resourceType: "HealthcareService",
    id: s.slug,
    identifier: identifier(p, "service", s.slug),
    active: true,
    name: s.name,
    ...(s.description ? { comment: s.description } : {}),
    category: [{ text: disciplineText(s.discipline) }],
    type: [{ coding: [{ system: `${p.baseUrl}/fhir/sid/service`, code: s.slug, display: s.name }], text: s.name }],
    location: at.map((l) => ref("Location", l.slug, locationName(p, l))),
    telecom: [
      { system: "phone", value: p.groupPhone, use: "work" },
      { system: "url", value: `${p.baseUrl}/book`, use: "work" },
    ],
    appointmentRequired: true,
    extraDetails: `${s.durationMinutes} minutes${s.capacity > 1 ? `, a class of up to ${s.capacity}` : ""}.`,
  };
}

/** One practitioner × location × service; the actor names the Location first (SMART Scheduling Links reads it). */
export function toSchedule(
  p: Publisher,
  k: ScheduleKey,
  names: { location: string; service: string; practitioner: string },
  horizon: { from: string; to: string },
): Schedule {
  return {
    resourceType: "Schedule",
    id: scheduleId(k.location, k.service, k.practitioner),
    active: true,
    serviceType: [
      {
        coding: [{ system: `${p.baseUrl}/fhir/sid/service`, code: k.service, display: names.service }],
        text: names.service,
      },
    ],
    actor: [
      ref("Location", k.location, names.location),
      ref("PractitionerRole", practitionerRoleId(k.practitioner, k.location)),
      ref("Practitioner", k.practitioner, names.practitioner),
      ref("HealthcareService", k.service, names.service),
    ],
    planningHorizon: { start: horizon.from, end: horizon.to },
    comment: `${names.service} with ${names.practitioner} at ${names.location}`,
  };
}

/**
 * The deep link into /book with this time chosen. A directory appends its own `source` and `booking-referral`
 * parameters (the link already has a query, as the specification expects them to handle).
 */
export function bookingDeepLink(p: Publisher, k: ScheduleKey, start: string): string {
  const q = new URLSearchParams({ service: k.service, location: k.location, practitioner: k.practitioner, start });
  return `${p.baseUrl}/book?${q}`;
}

export function toSlot(p: Publisher, k: ScheduleKey, free: FreeSlot, opts: { phone: string; capacity: number }): Slot {
  const schedule = scheduleId(k.location, k.service, k.practitioner);
  return {
    resourceType: "Slot",
    id: slotId(schedule, new Date(free.start)),
    schedule: { reference: `Schedule/${schedule}` },
    status: "free",
    start: free.start,
    end: free.end,
    extension: [
      { url: BOOKING_DEEP_LINK, valueUrl: bookingDeepLink(p, k, free.start) },
      { url: BOOKING_PHONE, valueString: opts.phone },
      ...(opts.capacity > 1 ? [{ url: SLOT_CAPACITY, valueInteger: free.remaining }] : []),
    ],
  };
}
