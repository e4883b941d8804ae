// What the patient has chosen so far, and how each choice changes the others. Pure, so the rules are tested alone.
import type { PatientDetails } from "@/lib/scheduling/schemas";
import type { Slot, TriageOutcome } from "../../_components/public-api";
import type { CatalogService, Choices, DeepLink, StepId } from "./booking-types";

export type ChoiceAction =
  | { type: "service"; service: CatalogService; triage: TriageOutcome | null }
  | { type: "location"; slug: string }
  | { type: "clear-location" }
  | { type: "practitioner"; slug: string | null }
  | { type: "slot"; slot: Slot }
  | { type: "details"; details: PatientDetails };

export function initialChoices(location: string | null): Choices {
  return { service: null, location, practitioner: undefined, slot: null, details: null, triage: null };
}

/** A deep link's choices: the service, location and practitioner, and the time when it is still free. */
export function deepLinkChoices(link: DeepLink): Choices {
  return {
    service: link.service,
    location: link.location,
    practitioner: link.practitioner,
    slot: link.slot,
    details: null,
    triage: null,
  };
}

/** Where a deep link starts: the details when its time is free, else the times to choose from. */
export function deepLinkStep(link: DeepLink | null): StepId | null {
  if (!link) return null;
  return link.slot ? "details" : "time";
}

/** A changed service, location or practitioner clears what depended on it (the practitioner, the time). */
export function chooseReducer(c: Choices, a: ChoiceAction): Choices {
  switch (a.type) {
    case "service": {
      const s = a.service;
      // the location is kept where the service is offered there, or chosen for the patient where it is offered in one place only
      const location =
        c.location && s.locations.includes(c.location) ? c.location : s.locations.length === 1 ? s.locations[0]! : null;
      const same = s.slug === c.service && location === c.location;
      return {
        ...c,
        service: s.slug,
        triage: a.triage,
        location,
        ...(same ? {} : { practitioner: undefined, slot: null }),
      };
    }
    case "location":
      return a.slug === c.location ? c : { ...c, location: a.slug, practitioner: undefined, slot: null };
    case "clear-location":
      return { ...c, location: null };
    case "practitioner":
      return a.slug === c.practitioner ? c : { ...c, practitioner: a.slug, slot: null };
    case "slot":
      return { ...c, slot: a.slot };
    case "details":
      return { ...c, details: a.details };
  }
}

/** Where a chosen service leads: straight to the practitioners when the location is already known. */
export function stepAfterService(c: Choices): StepId {
  return c.location ? "practitioner" : "location";
}

/** Where each step's Back goes; a service offered in one place only skips the location on the way back. */
export function backFrom(step: StepId, serviceLocations: number): StepId | undefined {
  const back = BACK[step];
  return back === "location" && serviceLocations === 1 ? "need" : back;
}
const BACK: Partial<Record<StepId, StepId>> = {
  triage: "need",
  location: "need",
  practitioner: "location",
  time: "practitioner",
  details: "time",
  review: "details",
};
