"use client";
import { formatDateOfBirth } from "@/lib/scheduling/date-of-birth";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import type { LocationOption } from "../../_components/public-api";
import { whenText, type ZonePlan } from "../../_components/time-format";
import type { StepId } from "./booking-types";

export interface BookingFactsProps {
  service: { name: string; durationMinutes?: number };
  location: Pick<LocationOption, "slug" | "name" | "address" | "online" | "timezone">;
  practitionerName: string | null;
  anyPractitioner: boolean;
  start: string;
  plan: ZonePlan;
  patient?: PatientDetails | null;
  /** "$95" or "Bulk billed"; no row when null or absent. */
  fee?: string | null;
  onChange?: (step: StepId) => void;
}

/** What, where, when, with whom: the review and the confirmation say it the same way. */
export function BookingFacts({
  service,
  location,
  practitionerName,
  anyPractitioner,
  start,
  plan,
  patient,
  fee,
  onChange,
}: BookingFactsProps) {
  const change = (step: StepId, what: string) =>
    onChange ? (
      <button type="button" className="link-button facts__change" onClick={() => onChange(step)}>
        Change<span className="visually-hidden"> {what}</span>
      </button>
    ) : null;
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>What</dt>
        <dd>
          {service.name}
          {service.durationMinutes ? <span className="muted"> · {service.durationMinutes} min</span> : null}
          {change("need", "service")}
        </dd>
      </div>
      <div className="facts__row">
        <dt>Where</dt>
        <dd>
          {location.name}
          <br />
          <span className="muted">
            {location.online ? "By video: the link comes with your confirmation email" : location.address}
          </span>
          {change("location", "location")}
        </dd>
      </div>
      <div className="facts__row">
        <dt>When</dt>
        <dd>
          <span data-testid="booking-when">{whenText(start, plan)}</span>
          {change("time", "time")}
        </dd>
      </div>
      <div className="facts__row">
        <dt>With</dt>
        <dd>
          {practitionerName ?? "Your practitioner"}
          {anyPractitioner ? <span className="muted"> (first available)</span> : null}
          {change("practitioner", "practitioner")}
        </dd>
      </div>
      {fee ? (
        <div className="facts__row">
          <dt>Fee</dt>
          <dd data-testid="booking-fee">{fee}</dd>
        </div>
      ) : null}
      {patient ? (
        <div className="facts__row">
          <dt>You</dt>
          <dd>
            {patient.firstName} {patient.lastName}
            <br />
            <span className="muted">
              {patient.email}
              <br />
              {patient.phone}
              <br />
              Born {formatDateOfBirth(patient.dateOfBirth)}
            </span>
            {change("details", "your details")}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
