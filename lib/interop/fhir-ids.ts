// FHIR ids of the published resources, made from slugs so they stay the same across builds and servers.
import { createHash } from "node:crypto";

const MAX_ID = 64;

/** Parts joined with "."; a FHIR id has at most 64 characters, so a longer one becomes a stable hash of the parts. */
export function fhirId(...parts: string[]): string {
  const joined = parts.join(".");
  if (joined.length <= MAX_ID) return joined;
  return `h.${createHash("sha256").update(joined).digest("hex").slice(0, 40)}`;
}

export const practitionerRoleId = (practitioner: string, location: string) => fhirId(practitioner, location);
export const scheduleId = (location: string, service: string, practitioner: string) =>
  fhirId(location, service, practitioner);
/** A slot is its schedule and its start, in UTC to the minute: "chatswood.physio-initial.amelia-chen.202612010900". */
export const slotId = (schedule: string, start: Date) =>
  fhirId(schedule, start.toISOString().slice(0, 16).replace(/[-:T]/g, ""));
