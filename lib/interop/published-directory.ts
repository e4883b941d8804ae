import "server-only";
import type { Db } from "@/db/client";
import { readClinicIdentity } from "@/lib/setup/clinic-identity";
import { latestOnlyCache } from "./build-cache";
import { buildDirectory, type Directory } from "./build-directory";
import { directoryVersion } from "./directory-version";
import type { Publisher } from "./fhir-resources";
import type { Published } from "./fhir-search";

/** The group and its public address, as every published resource names them (the manager's clinic details). */
export async function publisher(db: Db): Promise<Publisher> {
  const group = await readClinicIdentity(db);
  return { baseUrl: group.publicBaseUrl.replace(/\/+$/, ""), groupName: group.name, groupPhone: group.phone };
}

/** The directory as published at one instant. */
export interface PublishedDirectory {
  /** A weak validator: the same on every server for the same data at the same minute of notice. */
  etag: string;
  /** When what is published last changed: the build, or a slot passing its minimum notice since. */
  transactionTime: Date;
  published: Published;
  states: string[];
  /** The open slots' NDJSON lines, serialised at build time. */
  slotLines: string[];
}

const cache = latestOnlyCache<Directory>();

/**
 * The directory now: rebuilt only when directoryVersion says something changed, otherwise the built one, less the
 * slots that have since passed their service's minimum notice (exactly what the slot engine would drop).
 */
export async function publishedDirectory(db: Db, now = new Date()): Promise<PublishedDirectory> {
  const version = await directoryVersion(db, now);
  const d = await cache.getOrBuild(version, async () => buildDirectory(db, await publisher(db), now));
  const t = now.getTime();
  let lastChange = d.builtAt.getTime();
  const open = [];
  const slotLines = [];
  for (const s of d.slots) {
    if (s.closesAtMs >= t) {
      open.push(s.resource);
      slotLines.push(s.line);
    } else if (s.closesAtMs > lastChange) lastChange = s.closesAtMs;
  }
  return {
    etag: `W/"${version.slice(0, 20)}.${d.slots.length - open.length}"`,
    transactionTime: new Date(lastChange),
    states: d.states,
    slotLines,
    published: {
      Location: d.locations,
      Practitioner: d.practitioners,
      PractitionerRole: d.practitionerRoles,
      HealthcareService: d.healthcareServices,
      Schedule: d.schedules,
      Slot: open,
    },
  };
}

/** For tests and the benchmark: the next call builds afresh. */
export function forgetPublishedDirectory(): void {
  cache.clear();
}
