// What /fhir/metadata says this server does: read and search of the six published types, JSON only.
import type { CapabilityStatement } from "fhir/r4";
import type { Publisher } from "./fhir-resources";
import type { PublishedType } from "./fhir-search";

const SEARCH: Record<PublishedType, [string, "string" | "reference" | "date" | "token"][]> = {
  Location: [["name", "string"]],
  Practitioner: [["name", "string"]],
  PractitionerRole: [
    ["practitioner", "reference"],
    ["location", "reference"],
    ["service", "reference"],
  ],
  HealthcareService: [
    ["name", "string"],
    ["location", "reference"],
  ],
  Schedule: [["actor", "reference"]],
  Slot: [
    ["schedule", "reference"],
    ["start", "date"],
    ["status", "token"],
  ],
};

export function capabilityStatement(p: Publisher, date: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    publisher: p.groupName,
    kind: "instance",
    software: { name: `${p.groupName} bookings` },
    implementation: {
      description: `${p.groupName}: locations, practitioners, services and free appointment times (no patient data)`,
      url: `${p.baseUrl}/fhir`,
    },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        documentation:
          "Public and read-only. Free times for the next 14 days; SMART Scheduling Links at $bulk-publish.",
        resource: (Object.entries(SEARCH) as [PublishedType, (typeof SEARCH)[PublishedType]][]).map(
          ([type, params]) => ({
            type,
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "_id", type: "token" },
              { name: "_count", type: "number" },
              ...params.map(([name, type]) => ({ name, type })),
            ],
          }),
        ),
        operation: [{ name: "bulk-publish", definition: "http://hl7.org/fhir/OperationDefinition/bulk-publish" }],
      },
    ],
  };
}
