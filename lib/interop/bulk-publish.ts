// SMART Scheduling Links: the $bulk-publish manifest and its NDJSON files.
import type { FhirResource } from "fhir/r4";
import { badParam } from "./fhir-outcome";

export const BULK_FILES = { Location: "Location.ndjson", Schedule: "Schedule.ndjson", Slot: "Slot.ndjson" } as const;
export type BulkType = keyof typeof BULK_FILES;

export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: false;
  output: { type: BulkType; url: string; extension?: { state: string[] } }[];
  error: [];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** `_since`: an instant with an offset, or a 400. */
export function parseSince(value: string | null): Date | null {
  if (value === null) return null;
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    throw badParam(`_since: "${value}" is not an instant. Use e.g. 2026-12-01T09:00:00.000Z.`);
  return new Date(value);
}

/**
 * The manifest. With `_since` at or after the last change, nothing has changed and `output` is empty; otherwise
 * every file is listed (the specification lets a server answer the full set).
 */
export function bulkManifest(opts: {
  baseUrl: string;
  request: string;
  transactionTime: Date;
  states: string[];
  since: Date | null;
}): BulkManifest {
  const unchanged = opts.since !== null && opts.since.getTime() >= opts.transactionTime.getTime();
  const extension = opts.states.length > 0 ? { extension: { state: opts.states } } : {};
  return {
    transactionTime: opts.transactionTime.toISOString(),
    request: opts.request,
    requiresAccessToken: false,
    output: unchanged
      ? []
      : (Object.keys(BULK_FILES) as BulkType[]).map((type) => ({
          type,
          url: `${opts.baseUrl}/fhir/$bulk-publish/${BULK_FILES[type]}`,
          ...extension,
        })),
    error: [],
  };
}

/** One minified resource a line. */
export function toNdjson(resources: readonly FhirResource[]): string {
  return resources.map((r) => JSON.stringify(r)).join("\n") + (resources.length > 0 ? "\n" : "");
}
