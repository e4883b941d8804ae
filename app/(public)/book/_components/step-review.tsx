"use client";
import { useRef, useState } from "react";
import { cancellationPolicyText, changeableOnline, feeText } from "@/lib/scheduling/cancellation-policy";
import type { PatientDetails, Referral } from "@/lib/scheduling/schemas";
import { ApiError } from "@/lib/http/api-fetch";
import { callApi, newIdempotencyKey, type BookingCreated, type Slot } from "../../_components/public-api";
import type { ZonePlan } from "../../_components/time-format";
import type { StepId } from "./booking-types";
import { BookingFacts, type BookingFactsProps } from "./booking-facts";
import { SlotTaken } from "./slot-taken";
import { StepHeading } from "./step-heading";

interface Props {
  facts: Omit<BookingFactsProps, "onChange">;
  request: {
    service: string;
    location: string;
    slot: Slot;
    details: PatientDetails;
    triage: string | null;
    anyPractitioner: boolean;
    referral?: Referral | null;
  };
  /** The service's fee and cancellation window, and the phone to call once online changes close. */
  rules: { feeCents: number | null; windowHours: number; phone: string };
  plan: ZonePlan;
  focus: boolean;
  onEdit: (step: StepId) => void;
  /** The server refused: the patient's triage stops online booking; show them what to do instead. */
  onStopped: () => void;
  onPickSlot: (slot: Slot) => void;
  onFieldErrors: (fields: Record<string, string>) => void;
  onBooked: (created: BookingCreated) => void;
}

type Problem = { kind: "taken"; slot: Slot } | { kind: "window" | "stopped" | "other"; message: string };

export function StepReview({
  facts,
  request,
  rules,
  plan,
  focus,
  onEdit,
  onStopped,
  onPickSlot,
  onFieldErrors,
  onBooked,
}: Props) {
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => new Date());
  const changeable = changeableOnline(request.slot.start, rules.windowHours, now);
  const [problem, setProblem] = useState<Problem | null>(null);
  // One key per confirm attempt: a retry of the same request reuses it, so it can never book twice.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const confirm = async () => {
    const body = {
      service: request.service,
      location: request.location,
      practitioner: request.slot.practitioner,
      start: request.slot.start,
      patient: request.details,
      ...(request.triage ? { triage: request.triage } : {}),
      ...(request.referral ? { referral: request.referral } : {}),
    };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
    setBusy(true);
    setProblem(null);
    try {
      const created = await callApi<BookingCreated>("/api/v1/bookings", {
        method: "POST",
        json: body,
        headers: { "Idempotency-Key": attempt.current.key },
      });
      onBooked(created);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, "unknown", "Something went wrong. Please try again.");
      const patientFields = Object.entries(err.fields).filter(([k]) => k.startsWith("patient."));
      if (err.code === "slot_unavailable") setProblem({ kind: "taken", slot: request.slot });
      else if (err.code === "validation_failed" && patientFields.length > 0)
        onFieldErrors(Object.fromEntries(patientFields.map(([k, v]) => [k.slice(8), v])));
      else if (err.code === "outside_booking_window") setProblem({ kind: "window", message: err.message });
      else if (err.code === "not_bookable_online") setProblem({ kind: "stopped", message: err.message });
      else setProblem({ kind: "other", message: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <StepHeading focus={focus}>Check and confirm</StepHeading>
      {problem?.kind === "taken" ? (
        <SlotTaken
          taken={problem.slot}
          location={facts.location}
          service={request.service}
          practitioner={request.anyPractitioner ? null : request.slot.practitioner}
          triage={request.triage}
          plan={plan}
          onPick={(slot) => {
            setProblem(null);
            onPickSlot(slot);
          }}
          onSeeAll={() => onEdit("time")}
        />
      ) : null}
      {problem?.kind === "window" ? (
        <div className="alert alert--warn" role="alert">
          <p>{problem.message}</p>
          <button type="button" className="button button--small" onClick={() => onEdit("time")}>
            Choose another time
          </button>
        </div>
      ) : null}
      {problem?.kind === "stopped" ? (
        <div className="alert alert--error" role="alert">
          <p>{problem.message}</p>
          <button type="button" className="button button--small" onClick={onStopped}>
            See what to do
          </button>
        </div>
      ) : null}
      <BookingFacts {...facts} fee={feeText(rules.feeCents)} onChange={onEdit} />
      <p
        className={changeable ? "step__fine" : "alert alert--warn"}
        data-testid="cancellation-policy"
        data-changeable={changeable}
      >
        {changeable ? <strong>Cancelling: </strong> : null}
        {cancellationPolicyText({ windowHours: rules.windowHours, phone: rules.phone, changeable })}
      </p>
      <p className="muted step__fine">
        We&apos;ll send your confirmation by email, with a short health questionnaire to fill in before your visit.
      </p>
      {problem?.kind === "other" ? (
        <div className="alert alert--error" role="alert">
          {problem.message}
        </div>
      ) : null}
      <div className="step__actions">
        <button
          type="button"
          className="button button--large"
          onClick={confirm}
          disabled={busy || problem?.kind === "taken" || problem?.kind === "stopped"}
          aria-describedby="confirm-note"
        >
          {busy ? "Booking…" : problem?.kind === "other" ? "Try again" : "Confirm booking"}
        </button>
        <p id="confirm-note" className="visually-hidden">
          Books the appointment shown above.
        </p>
      </div>
    </>
  );
}
