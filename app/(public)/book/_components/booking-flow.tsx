"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import { rememberIntakeLink } from "../../_components/booked-links";
import { sameSitePath, type TriageOutcome } from "../../_components/public-api";
import { zonePlan } from "../../_components/time-format";
import { useViewerZone } from "../../_components/use-viewer-zone";
import {
  backFrom,
  chooseReducer,
  deepLinkChoices,
  deepLinkStep,
  initialChoices,
  stepAfterService,
} from "./booking-choices";
import { BookingProgress } from "./booking-progress";
import { BookingSummary } from "./booking-summary";
import type { BookingCreated, Catalog, DeepLink, Referral, StepId } from "./booking-types";
import { preloadAfter, StepDetails, StepReview, StepTriage } from "./lazy-steps";
import { StepLocation } from "./step-location";
import { StepNeed } from "./step-need";
import { StepPractitioner } from "./step-practitioner";
import { StepTime } from "./step-time";
import type { TriageDraft } from "./step-triage";
import { usePractitionerList } from "./use-practitioner-list";
import { useStepHistory } from "./use-step-history";

interface Props {
  catalog: Catalog;
  initialLocation: string | null;
  startInHelp: boolean;
  /** A directory's deep link: the time already chosen. */
  deepLink?: DeepLink | null;
  /** Who referred the patient (a deep link's `source` and `booking-referral`), recorded with the booking. */
  referral?: Referral | null;
}

const stopsOnlineBooking = (o: TriageOutcome) => o.route === "emergency" || o.route === "urgent-care";

/** The booking, one step at a time: the choices live in a reducer, the steps in browser history. */
export function BookingFlow({ catalog, initialLocation, startInHelp, deepLink = null, referral = null }: Props) {
  const { step, moved, go, goBack, topRef } = useStepHistory(
    deepLinkStep(deepLink) ?? (startInHelp ? "triage" : "need"),
  );
  const [choices, choose] = useReducer(chooseReducer, initialLocation, (l) =>
    deepLink ? deepLinkChoices(deepLink) : initialChoices(l),
  );
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof PatientDetails, string>>>({});
  const [created, setCreated] = useState<BookingCreated | null>(null);
  const [triageDraft, setTriageDraft] = useState<TriageDraft | null>(null);
  const viewerZone = useViewerZone();
  const router = useRouter();

  const service = catalog.services.find((s) => s.slug === choices.service) ?? null;
  const location = catalog.locations.find((l) => l.slug === choices.location) ?? null;
  const plan = useMemo(() => (location ? zonePlan(location, viewerZone) : null), [location, viewerZone]);
  const serviceName = useCallback(
    (slug: string) => catalog.services.find((s) => s.slug === slug)?.name ?? slug,
    [catalog.services],
  );
  const team = usePractitionerList(location?.slug ?? null, service?.discipline ?? null, service?.slug ?? null);
  useEffect(() => preloadAfter(step), [step]);

  // A help-me-choose answer that stops online booking stays with every booking this visit tries, so going Back and
  // choosing a service by hand meets the same stop (the server refuses it too), instead of booking around it.
  const stop = triageDraft?.outcome && stopsOnlineBooking(triageDraft.outcome) ? triageDraft.outcome : null;
  const chooseService = (slug: string, triage: TriageOutcome | null) => {
    const s = catalog.services.find((x) => x.slug === slug);
    if (!s) return;
    const next = chooseReducer(choices, { type: "service", service: s, triage });
    choose({ type: "service", service: s, triage });
    go(stepAfterService(next));
  };
  const onDraft = useCallback((details: PatientDetails) => choose({ type: "details", details }), []);

  const facts =
    service && location && choices.slot && plan
      ? {
          service: { name: service.name, durationMinutes: service.durationMinutes },
          location,
          practitionerName: team.nameOf(choices.slot.practitioner),
          anyPractitioner: choices.practitioner === null,
          start: choices.slot.start,
          plan,
        }
      : null;

  let body: React.ReactNode;
  let shownStep: StepId = step;
  // Once booked, going back in history never shows the confirm button again.
  if (created) {
    shownStep = "done";
    body = (
      <p className="step__fine" role="status">
        Booked. Opening your booking…
      </p>
    );
  } else if (step === "triage") {
    body = (
      <StepTriage
        focus={moved}
        serviceName={serviceName}
        clinicPhone={catalog.clinicPhone}
        draft={triageDraft}
        onDraft={setTriageDraft}
        onBook={(o) => o.service && chooseService(o.service, o)}
        onChooseMyself={() => go("need")}
      />
    );
  } else if (step === "location" && service) {
    const onChoose = (slug: string) => {
      choose({ type: "location", slug });
      go("practitioner");
    };
    body = (
      <StepLocation
        locations={catalog.locations}
        service={service}
        selected={choices.location}
        focus={moved}
        onChoose={onChoose}
      />
    );
  } else if (step === "practitioner" && location && service) {
    const onChoose = (slug: string | null) => {
      choose({ type: "practitioner", slug });
      go("time");
    };
    body = (
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
  } else if (step === "time" && location && service && plan && choices.practitioner !== undefined) {
    body = (
      <>
        {deepLink?.taken && choices.slot === null ? (
          <p className="alert alert--warn" role="status">
            The time you chose is no longer free. Please choose another.
          </p>
        ) : null}
        <StepTime
          location={location}
          service={service}
          practitioner={choices.practitioner}
          practitionerName={team.nameOf(choices.practitioner)}
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
  } else if (step === "details" && choices.slot) {
    const onSubmit = (details: PatientDetails) => {
      choose({ type: "details", details });
      setServerErrors({});
      go("review");
    };
    body = (
      <StepDetails
        details={choices.details}
        serverErrors={serverErrors}
        focus={moved}
        onDraft={onDraft}
        onSubmit={onSubmit}
      />
    );
  } else if (step === "review" && facts && choices.details && choices.slot && location && service && plan) {
    body = (
      <StepReview
        facts={{ ...facts, patient: choices.details }}
        request={{
          service: service.slug,
          location: location.slug,
          slot: choices.slot,
          details: choices.details,
          triage: choices.triage?.id ?? null,
          anyPractitioner: choices.practitioner === null,
          referral,
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
        onFieldErrors={(fields) => {
          setServerErrors(fields);
          go("details");
        }}
        onBooked={(c) => {
          setCreated(c);
          // The booking's own page replaces this address, so a reload or Back shows the booking, not the form.
          rememberIntakeLink(c.booking.id, sameSitePath(c.intakeUrl));
          router.replace(`${sameSitePath(c.manageUrl)}?booked=1`);
        }}
      />
    );
  } else {
    shownStep = "need";
    body = (
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
  }
  const back = backFrom(shownStep, service?.locations.length ?? 0);
  // One way back: inside help-me-choose, Back steps through its pages before it leaves them.
  const triagePage = shownStep === "triage" && triageDraft && !triageDraft.outcome ? triageDraft.page : 0;
  const onBack = () => (triagePage > 0 ? setTriageDraft((d) => d && { ...d, page: d.page - 1 }) : back && goBack(back));

  return (
    <div className="book" ref={topRef}>
      <div className="container book__inner">
        <header className="book__header">
          <p className="eyebrow eyebrow--dark">Book online</p>
          <h1>{shownStep === "done" ? "Booking confirmed" : "Book an appointment"}</h1>
        </header>
        <BookingProgress step={shownStep} />
        <div className={`book__grid ${shownStep === "done" ? "book__grid--single" : ""}`}>
          <section className="card step" aria-labelledby="step-title" data-step={shownStep}>
            {back ? (
              <button type="button" className="back-link" onClick={onBack}>
                <span aria-hidden="true">‹</span> Back
              </button>
            ) : null}
            {body}
          </section>
          {shownStep !== "done" ? (
            <BookingSummary
              service={service ? { name: service.name, durationMinutes: service.durationMinutes } : null}
              location={location}
              practitioner={choices.practitioner === null ? "First available" : team.nameOf(choices.practitioner)}
              start={choices.slot?.start ?? null}
              plan={plan}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
