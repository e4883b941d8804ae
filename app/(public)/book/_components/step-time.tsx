"use client";
import type { Slot } from "../../_components/public-api";
import type { ZonePlan } from "../../_components/time-format";
import type { LocationOption } from "./booking-types";
import { SlotPicker } from "./lazy-steps";
import { StepHeading } from "./step-heading";
import { waitlistJoinHref } from "./waitlist-link";

interface Props {
  location: LocationOption;
  service: { slug: string; name: string };
  /** null: the first available practitioner. */
  practitioner: string | null;
  practitionerName: string | null;
  /** The help-me-choose triage the patient came through, if any: it goes with a wait-list join as with a booking. */
  triage: string | null;
  plan: ZonePlan;
  selectedStart: string | undefined;
  focus: boolean;
  onPick: (slot: Slot) => void;
  onAnyPractitioner: () => void;
}

export function StepTime({
  location,
  service,
  practitioner,
  practitionerName,
  triage,
  plan,
  selectedStart,
  focus,
  onPick,
  onAnyPractitioner,
}: Props) {
  return (
    <>
      <StepHeading focus={focus}>Choose a time</StepHeading>
      <p className="step__note">
        {service.name} at {location.name}
        {practitionerName ? ` with ${practitionerName}` : ", first available practitioner"}.
      </p>
      <SlotPicker
        key={`${location.slug}|${service.slug}|${practitioner}`}
        headingId="slot-day-title"
        location={location}
        service={service.slug}
        practitioner={practitioner}
        plan={plan}
        selectedStart={selectedStart}
        startDate={null}
        onPick={onPick}
        emptyActions={
          practitioner ? (
            <button type="button" className="button button--ghost button--small" onClick={onAnyPractitioner}>
              See any practitioner
            </button>
          ) : null
        }
      />
      <p className="step__fine">
        No time that suits?{" "}
        <a href={waitlistJoinHref(location.slug, service.slug, practitioner, triage)}>Join the wait list</a> and
        we&apos;ll email you when one frees up.
      </p>
    </>
  );
}
