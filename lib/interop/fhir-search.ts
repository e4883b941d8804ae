// FHIR read and search over the published directory: pure, so every parameter's meaning is tested alone.
import type { Bundle, FhirResource, Slot } from "fhir/r4";
import { badParam, notFound } from "./fhir-outcome";

export const RESOURCE_TYPES = [
  "Location",
  "Practitioner",
  "PractitionerRole",
  "HealthcareService",
  "Schedule",
  "Slot",
] as const;
export type PublishedType = (typeof RESOURCE_TYPES)[number];

/** What search reads: the resources of each type, and the slots still open now. */
export type Published = Record<PublishedType, readonly FhirResource[]>;

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

type Filter = (r: FhirResource, value: string) => boolean;
const idOf = (ref: string) => ref.split("/").pop() ?? "";
const refMatches = (refs: (string | undefined)[], value: string, type: string) => {
  const wanted = value.includes("/") ? value : `${type}/${value}`;
  return refs.some((r) => r === wanted);
};
const nameMatches = (name: string | undefined, value: string) =>
  !!name && name.toLowerCase().includes(value.trim().toLowerCase());

/** The search parameters of each type, beside `_id`, `_count` and `_offset`. */
const PARAMS: Record<PublishedType, Record<string, Filter>> = {
  Location: {
    name: (r, v) => r.resourceType === "Location" && nameMatches(r.name, v),
  },
  Practitioner: {
    name: (r, v) => r.resourceType === "Practitioner" && (r.name ?? []).some((n) => nameMatches(n.text, v)),
  },
  PractitionerRole: {
    practitioner: (r, v) =>
      r.resourceType === "PractitionerRole" && refMatches([r.practitioner?.reference], v, "Practitioner"),
    location: (r, v) =>
      r.resourceType === "PractitionerRole" &&
      refMatches(
        (r.location ?? []).map((l) => l.reference),
        v,
        "Location",
      ),
    service: (r, v) =>
      r.resourceType === "PractitionerRole" &&
      refMatches(
        (r.healthcareService ?? []).map((l) => l.reference),
        v,
        "HealthcareService",
      ),
  },
  HealthcareService: {
    name: (r, v) => r.resourceType === "HealthcareService" && nameMatches(r.name, v),
    location: (r, v) =>
      r.resourceType === "HealthcareService" &&
      refMatches(
        (r.location ?? []).map((l) => l.reference),
        v,
        "Location",
      ),
  },
  Schedule: {
    actor: (r, v) =>
      r.resourceType === "Schedule" &&
      r.actor.some((a) => a.reference === v || (!v.includes("/") && idOf(a.reference ?? "") === v)),
  },
  Slot: {
    schedule: (r, v) => r.resourceType === "Slot" && refMatches([r.schedule.reference], v, "Schedule"),
    status: (r, v) => r.resourceType === "Slot" && r.status === v,
    start: (r, v) => r.resourceType === "Slot" && startMatches(r, v),
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const PREFIXES = ["eq", "ne", "gt", "lt", "ge", "le"] as const;

/** Checks a `start` value: an optional prefix, then a date (the slot's local date) or an instant with an offset. */
export function parseDateParam(value: string): { prefix: (typeof PREFIXES)[number]; date?: string; instant?: number } {
  const prefix = (PREFIXES as readonly string[]).includes(value.slice(0, 2))
    ? (value.slice(0, 2) as (typeof PREFIXES)[number])
    : "eq";
  const rest = value.slice(PREFIXES.includes(prefix) && value.startsWith(prefix) ? 2 : 0);
  if (DATE.test(rest) && !Number.isNaN(Date.parse(`${rest}T00:00:00Z`))) return { prefix, date: rest };
  if (DATE_TIME.test(rest) && !Number.isNaN(Date.parse(rest))) return { prefix, instant: Date.parse(rest) };
  throw badParam(
    `start: "${value}" is not a date. Use a prefix (ge, gt, le, lt, eq, ne) and a date (2026-12-01) or an instant with an offset (2026-12-01T09:00:00+11:00).`,
  );
}

function compare(prefix: (typeof PREFIXES)[number], a: number | string, b: number | string): boolean {
  switch (prefix) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "gt":
      return a > b;
    case "lt":
      return a < b;
    case "ge":
      return a >= b;
    case "le":
      return a <= b;
  }
}

/** A date compares with the slot's local date (its start carries the location's offset); an instant with its start. */
function startMatches(slot: Slot, value: string): boolean {
  const p = parseDateParam(value);
  return p.date !== undefined
    ? compare(p.prefix, slot.start.slice(0, 10), p.date)
    : compare(p.prefix, Date.parse(slot.start), p.instant!);
}

function positiveInt(name: string, value: string, min: number, max: number): number {
  if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max)
    throw badParam(`${name} must be a whole number from ${min} to ${max}.`);
  return Number(value);
}

/** The type named in a path, or a 404 for one not published here. */
export function publishedType(name: string): PublishedType {
  if ((RESOURCE_TYPES as readonly string[]).includes(name)) return name as PublishedType;
  throw notFound(`The resource type "${name}"`);
}

export function readResource(published: Published, type: PublishedType, id: string): FhirResource {
  const found = published[type].find((r) => r.id === id);
  if (!found) throw notFound(`${type}/${id}`);
  return found;
}

/** A `searchset` Bundle of one page; `url` is the search's own address (its links page on from it). */
export function searchResources(published: Published, type: PublishedType, url: URL, baseUrl: string): Bundle {
  const params = url.searchParams;
  const own = PARAMS[type];
  const status = type === "Slot" ? params.getAll("status") : [];
  for (const s of status)
    if (s !== "free" && s !== "busy") throw badParam(`status: "${s}" is not a slot status (free or busy).`);
  let count = DEFAULT_COUNT;
  let offset = 0;
  const filters: [Filter, string][] = [];
  for (const [name, value] of params) {
    if (name === "_count") count = positiveInt("_count", value, 0, MAX_COUNT);
    else if (name === "_offset") offset = positiveInt("_offset", value, 0, 10_000_000);
    else if (name === "_format") {
      if (!/json$/.test(value)) throw badParam("_format: only JSON (application/fhir+json) is served here.");
    } else if (name === "_id") filters.push([(r, v) => v.split(",").includes(r.id ?? ""), value]);
    else if (own[name]) {
      if (name === "start") parseDateParam(value);
      // a comma means "any of these" (FHIR's OR)
      const filter = own[name]!;
      filters.push([(r, v) => v.split(",").some((one) => filter(r, one)), value]);
    } else
      throw badParam(
        `The search parameter "${name}" is not supported for ${type}. Supported: ${["_id", "_count", "_offset", ...Object.keys(own)].join(", ")}.`,
      );
  }
  const matches = published[type].filter((r) => filters.every(([f, v]) => f(r, v)));
  const page = matches.slice(offset, offset + count);
  const link = (o: number) => {
    const u = new URL(`${baseUrl}/fhir/${type}`);
    for (const [k, v] of params) if (k !== "_offset" && k !== "_count") u.searchParams.append(k, v);
    u.searchParams.set("_count", String(count));
    u.searchParams.set("_offset", String(o));
    return u.toString();
  };
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: matches.length,
    link: [
      { relation: "self", url: link(offset) },
      ...(count > 0 && offset + count < matches.length ? [{ relation: "next", url: link(offset + count) }] : []),
      ...(offset > 0 ? [{ relation: "previous", url: link(Math.max(0, offset - count)) }] : []),
    ],
    entry: page.map((resource) => ({
      fullUrl: `${baseUrl}/fhir/${type}/${resource.id}`,
      resource,
      search: { mode: "match" as const },
    })),
  };
}
