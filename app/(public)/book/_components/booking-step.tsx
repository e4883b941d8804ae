"use client";
import type { Dispatch, SetStateAction } from "react";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import type { TriageOutcome } from "../../_components/public-api";
import type { ZonePlan } from "../../_components/time-format";
import { chooseReducer, stepAfterService, type ChoiceAction } from "./booking-choices";
import type { Catalog, CatalogService, Choices, DeepLink, Referral, StepId } from "./booking-types";
import { StepDetails, StepReview, StepTriage } from "./lazy-steps";
import { StepLocation } from "./step-location";
import { StepNeed } from "./step-need";
import { StepPractitioner } from "./step-practitioner";
import { StepTime } from "./step-time";
import type { BookingSubmit } from "./use-booking-submit";
import type { usePractitionerList } from "./use-practitioner-list";
import type { TriageDraft } from "./use-triage-draft";

/** Everything a step may show or change: the flow's state and what it derived from it. */
export interface StepContext {
  step: StepId;
  moved: boolean;
  go: (step: StepId) => void;
  catalog: Catalog;
  choices: Choices;
  choose: Dispatch<ChoiceAction>;
  service: CatalogService | null;
  location: Catalog["locations"][number] | null;
  plan: ZonePlan | null;
  team: ReturnType<typeof usePractitionerList>;
  triageDraft: TriageDraft | null;
  setTriageDraft: Dispatch<SetStateAction<TriageDraft | null>>;
  serviceName: (slug: string) => string;
  onDraft: (details: PatientDetails) => void;
  submit: BookingSubmit;
  deepLink: DeepLink | null;
  referral: Referral | null;
}

const stopsOnlineBooking = (o: TriageOutcome) => o.route === "emergency" || o.route === "urgent-care";

/**
 * The step on show and its content. A step whose earlier choices are missing shows the first step instead, and once
 * booked, going back in history never shows the confirm button again.
 */
export function renderStep(ctx: StepContext): { shown: StepId; body: React.ReactNode } {
  const { step, moved, go, catalog, choices, choose, service, location, plan, team, submit } = ctx;
  // A help-me-choose answer that stops online booking stays with every booking this visit tries, so going Back and
  // choosing a service by hand meets the same stop (the server refuses it too), instead of booking around it.
  const outcome = ctx.triageDraft?.outcome;
  const stop = outcome && stopsOnlineBooking(outcome) ? outcome : null;
  const chooseService = (slug: string, triage: TriageOutcome | null) => {
    const s = catalog.services.find((x) => x.slug === slug);
    if (!s) return;
    choose({ type: "service", service: s, triage });
    go(stepAfterService(chooseReducer(choices, { type: "service", service: s, triage })));
  };

  if (submit.created) {
    const body = (
      <p className="step__fine" role="status">
        Booked. Opening your booking…
      </p>
    );
    return { shown: "done", body };
  }
  if (step === "triage") {
    const body = (
      <StepTriage
        focus={moved}
        serviceName={ctx.serviceName}
        clinicPhone={catalog.clinicPhone}
        draft={ctx.triageDraft}
        onDraft={ctx.setTriageDraft}
        onBook={(o) => o.service && chooseService(o.service, o)}
        onChooseMyself={() => go("need")}
      />
    );
    return { shown: step, body };
  }
  if (step === "location" && service) {
    const onChoose = (slug: string) => {
      choose({ type: "location", slug });
      go("practitioner");
    };
    const body = (
      <StepLocation
        locations={catalog.locations}
        service={service}
        selected={choices.location}
        focus={moved}
        onChoose={onChoose}
      />
    );
    return { shown: step, body };
  }
  if (step === "practitioner" && location && service) {
    const onChoose = (slug: string | null) => {
      choose({ type: "practitioner", slug });
      go("time");
    };
    const body = (
      <StepPractitioner
        list={team.list}
        locationName={location.name}
        zone={plan?.primary ?? location.timezone}
        selected={choices.practitioner}
        focus={moved}
        onRetry={team.retry}
        onChoose={onChoose}
      />
    );
    return { shown: step, body };
  }
  if (step === "time" && location && service && plan && choices.practitioner !== undefined) {
    const body = (
      <>
        {ctx.deepLink?.taken && choices.slot === null ? (
          <p className="alert alert--warn" role="status">
            The time you chose is no longer free. Please choose another.
          </p>
        ) : null}
        <StepTime
          location={location}
          service={service}
          practitioner={choices.practitioner}
          practitionerName={team.nameOf(choices.practitioner)}
          triage={choices.triage?.id ?? null}
          plan={plan}
          selectedStart={choices.slot?.start}
          focus={moved}
          onPick={(slot) => {
            choose({ type: "slot", slot });
            go("details");
          }}
          onAnyPractitioner={() => choose({ type: "practitioner", slug: null })}
        />
      </>
    );
    return { shown: step, body };
  }
  if (step === "details" && choices.slot) {
    const onSubmit = (details: PatientDetails) => {
      choose({ type: "details", details });
      submit.clearServerErrors();
      go("review");
    };
    const body = (
      <StepDetails
        details={choices.details}
        serverErrors={submit.serverErrors}
        focus={moved}
        onDraft={ctx.onDraft}
        onSubmit={onSubmit}
      />
    );
    return { shown: step, body };
  }
  if (step === "review" && choices.details && choices.slot && location && service && plan) {
    const facts = {
      service: { name: service.name, durationMinutes: service.durationMinutes },
      location,
      practitionerName: team.nameOf(choices.slot.practitioner),
      anyPractitioner: choices.practitioner === null,
      start: choices.slot.start,
      plan,
      patient: choices.details,
    };
    const body = (
      <StepReview
        facts={facts}
        request={{
          service: service.slug,
          location: location.slug,
          slot: choices.slot,
          details: choices.details,
          triage: choices.triage?.id ?? null,
          anyPractitioner: choices.practitioner === null,
          referral: ctx.referral,
        }}
        rules={{
          feeCents: service.feeCents,
          windowHours: service.cancellationWindowHours,
          phone: location.phone ?? catalog.clinicPhone,
        }}
        plan={plan}
        focus={moved}
        onEdit={go}
        onStopped={() => go("triage")}
        onPickSlot={(slot) => choose({ type: "slot", slot })}
        onFieldErrors={submit.onFieldErrors}
        onBooked={submit.onBooked}
      />
    );
    return { shown: step, body };
  }
  const body = (
    <StepNeed
      services={catalog.services}
      location={location}
      selected={choices.service}
      focus={moved}
      stopped={stop !== null}
      onChoose={(slug) => chooseService(slug, stop)}
      onHelp={() => go("triage")}
      onClearLocation={() => choose({ type: "clear-location" })}
    />
  );
  return { shown: "need", body };
}
