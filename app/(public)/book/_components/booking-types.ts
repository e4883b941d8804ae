import type { PatientDetails } from "@/lib/scheduling/schemas";
import type { BookingCreated, LocationOption, Slot, TriageOutcome } from "../../_components/public-api";

/** The catalogue the page hands the flow (lib/catalog/booking-catalog.ts). */
export type { BookingCatalog as Catalog, CatalogService } from "@/lib/catalog/booking-catalog";

export type StepId = "need" | "triage" | "location" | "practitioner" | "time" | "details" | "review" | "done";

export interface Choices {
  service: string | null;
  location: string | null;
  /** undefined: not chosen yet; null: first available. */
  practitioner: string | null | undefined;
  slot: Slot | null;
  details: PatientDetails | null;
  triage: TriageOutcome | null;
}

export type { BookingCreated, LocationOption };

/** A directory's deep link, as the page read and checked it (lib/interop/read-deep-link.ts). */
export type { DeepLink } from "@/lib/interop/read-deep-link";
export type { Referral } from "@/lib/scheduling/schemas";
