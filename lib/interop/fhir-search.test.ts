import type { Bundle, Slot } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { FhirError } from "./fhir-outcome";
import { type Published, readResource, searchResources } from "./fhir-search";

const BASE = "https://book.example.com.au";
const slot = (id: string, schedule: string, start: string): Slot => ({
  resourceType: "Slot",
  id,
  schedule: { reference: `Schedule/${schedule}` },
  status: "free",
  start,
  end: start,
});
const slots = [
  slot("a", "s1", "2026-12-01T09:00:00+11:00"),
  slot("b", "s1", "2026-12-01T23:30:00+11:00"),
  slot("c", "s2", "2026-12-02T09:00:00+11:00"),
];
const published: Published = {
  Location: [{ resourceType: "Location", id: "chatswood", name: "Harbour Physio Group Chatswood" }],
  Practitioner: [],
  PractitionerRole: [],
  HealthcareService: [],
  Schedule: [{ resourceType: "Schedule", id: "s1", actor: [{ reference: "Location/chatswood" }] }],
  Slot: slots,
};
const search = (type: "Slot" | "Location" | "Schedule", query: string): Bundle =>
  searchResources(published, type, new URL(`${BASE}/fhir/${type}?${query}`), BASE);
const ids = (b: Bundle) => b.entry!.map((e) => e.resource!.id);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof FhirError ? e.status : "other";
  }
  return "none";
};

describe("FHIR search over the directory", () => {
  it("filters slots by schedule, status and start (instants, and dates as the slot's local date)", () => {
    expect(ids(search("Slot", "schedule=Schedule/s1"))).toEqual(["a", "b"]);
    expect(ids(search("Slot", "schedule=s2"))).toEqual(["c"]);
    expect(ids(search("Slot", "status=free&start=ge2026-12-01T12:00:00%2B11:00"))).toEqual(["b", "c"]);
    expect(ids(search("Slot", "start=ge2026-12-01&start=lt2026-12-02"))).toEqual(["a", "b"]);
    expect(ids(search("Slot", "status=busy"))).toEqual([]);
    expect(ids(search("Schedule", "actor=Location/chatswood"))).toEqual(["s1"]);
    expect(ids(search("Location", "name=chats"))).toEqual(["chatswood"]);
  });

  it("pages with _count and a next link that carries the query on", () => {
    const first = search("Slot", "schedule=s1&_count=1");
    expect(first).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 2 });
    expect(ids(first)).toEqual(["a"]);
    const next = first.link!.find((l) => l.relation === "next")!.url;
    const second = searchResources(published, "Slot", new URL(next), BASE);
    expect(ids(second)).toEqual(["b"]);
    expect(second.link!.some((l) => l.relation === "next")).toBe(false);
    expect(first.entry![0]!.fullUrl).toBe(`${BASE}/fhir/Slot/a`);
  });

  it("refuses a bad or unknown parameter with a 400, and an unknown id with a 404", () => {
    expect(refusal(() => search("Slot", "start=tomorrow"))).toBe(400);
    expect(refusal(() => search("Slot", "status=maybe"))).toBe(400);
    expect(refusal(() => search("Slot", "_count=-1"))).toBe(400);
    expect(refusal(() => search("Slot", "patient=x"))).toBe(400);
    expect(refusal(() => search("Slot", "_format=xml"))).toBe(400);
    expect(refusal(() => readResource(published, "Slot", "nope"))).toBe(404);
    expect(readResource(published, "Location", "chatswood").id).toBe("chatswood");
  });
});
