"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import { ApiError } from "@/lib/http/api-fetch";
import { fetchPractitioners, type Slot, type TriageOutcome } from "../../_components/public-api";
import { zonePlan } from "../../_components/time-format";
import { useViewerZone } from "../../_components/use-viewer-zone";
import { BookingProgress } from "./booking-progress";
import { BookingSummary } from "./booking-summary";
import type { BookingCreated, Catalog, Choices, StepId } from "./booking-types";
import { StepHeading } from "./step-heading";
import { StepLocation } from "./step-location";
import { StepNeed } from "./step-need";
import { StepPractitioner, type PractitionerList } from "./step-practitioner";
import type { TriageDraft } from "./step-triage";
import { LoadingBlock } from "../../_components/loading-block";

// Only the first steps come with the page. The later ones (times, the form library, review, confirmation,
// the questions) load when needed, each fetched a step ahead so that it is there when the patient arrives.
const loadSlotPicker = () => import("../../_components/slot-picker");
const loadDetails = () => import("./step-details");
const loadReview = () => import("./step-review");
const loadDone = () => import("./step-done");
const SlotPicker = dynamic(() => loadSlotPicker().then((m) => m.SlotPicker), { loading: () => <LoadingBlock /> });
const StepDetails = dynamic(() => loadDetails().then((m) => m.StepDetails), { loading: () => <LoadingBlock /> });
const StepReview = dynamic(() => loadReview().then((m) => m.StepReview), { loading: () => <LoadingBlock /> });
const StepDone = dynamic(() => loadDone().then((m) => m.StepDone), { loading: () => <LoadingBlock /> });
const StepTriage = dynamic(() => import("./step-triage").then((m) => m.StepTriage), { loading: () => <LoadingBlock /> });
const PRELOAD: Partial<Record<StepId, readonly (() => Promise<unknown>)[]>> = {
  location: [loadSlotPicker],
  practitioner: [loadSlotPicker],
  time: [loadDetails, loadReview],
  details: [loadReview, loadDone],
  review: [loadDone],
};


interface Props {
  catalog: Catalog;
  initialLocation: string | null;
  startInHelp: boolean;
}

const BACK: Partial<Record<StepId, StepId>> = { triage: "need", location: "need", practitioner: "location", time: "practitioner", details: "time", review: "details" };

/** What this page keeps in each history entry: the step, and how many booking steps lie behind it. */
interface StepState {
  bookingStep?: StepId;
  bookingIndex?: number;
}
const currentEntry = (): StepState => (window.history.state ?? {}) as StepState;

export function BookingFlow({ catalog, initialLocation, startInHelp }: Props) {
  const firstStep: StepId = startInHelp ? "triage" : "need";
  const [step, setStep] = useState<StepId>(firstStep);
  const [moved, setMoved] = useState(false);
  const [choices, setChoices] = useState<Choices>({ service: null, location: initialLocation, practitioner: undefined, slot: null, details: null, triage: null });
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof PatientDetails, string>>>({});
  const [created, setCreated] = useState<BookingCreated | null>(null);
  const [triageDraft, setTriageDraft] = useState<TriageDraft | null>(null);
  const [team, setTeam] = useState<{ key: string; list: PractitionerList } | null>(null);
  const [teamAttempt, setTeamAttempt] = useState(0);
  const viewerZone = useViewerZone();
  const topRef = useRef<HTMLDivElement>(null);

  const service = catalog.services.find((s) => s.slug === choices.service) ?? null;
  const location = catalog.locations.find((l) => l.slug === choices.location) ?? null;
  const plan = useMemo(() => (location ? zonePlan(location, viewerZone) : null), [location, viewerZone]);
  const serviceName = useCallback((slug: string) => catalog.services.find((s) => s.slug === slug)?.name ?? slug, [catalog.services]);

  const show = useCallback((next: StepId) => {
    setStep(next);
    setMoved(true);
    topRef.current?.scrollIntoView({ block: "start" });
  }, []);
  // Each step forward is a history entry, so the phone's back button steps back instead of leaving.
  const go = useCallback(
    (next: StepId) => {
      show(next);
      window.history.pushState({ bookingStep: next, bookingIndex: (currentEntry().bookingIndex ?? 0) + 1 } satisfies StepState, "");
    },
    [show],
  );
  // The page's own Back is the browser's Back while there is a booking step behind this one, so the two
  // always agree and going back never adds history; on the first entry it replaces that entry instead.
  const goBack = (target: StepId) => {
    if ((currentEntry().bookingIndex ?? 0) > 0) return window.history.back();
    show(target);
    window.history.replaceState({ ...currentEntry(), bookingStep: target, bookingIndex: 0 } satisfies StepState, "");
  };
  useEffect(() => {
    // A reload starts the booking again: this entry becomes its first step.
    if (currentEntry().bookingStep) window.history.replaceState({ ...currentEntry(), bookingStep: undefined, bookingIndex: 0 } satisfies StepState, "");
    const onPop = (e: PopStateEvent) => {
      setStep((e.state as StepState | null)?.bookingStep ?? firstStep);
      setMoved(true);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [firstStep]);

  useEffect(() => {
    for (const load of PRELOAD[step] ?? []) void load();
  }, [step]);

  const teamKey = location && service ? `${location.slug}|${service.discipline}|${teamAttempt}` : null;
  useEffect(() => {
    if (!teamKey || !location || !service) return;
    const controller = new AbortController();
    fetchPractitioners(location.slug, service.discipline, controller.signal)
      .then((r) => setTeam({ key: teamKey, list: { status: "ready", practitioners: r.practitioners } }))
      .catch((e: unknown) => {
        if ((e as Error).name === "AbortError") return;
        setTeam({ key: teamKey, list: { status: "error", message: e instanceof ApiError ? e.message : "We couldn't load the practitioners." } });
      });
    return () => controller.abort();
  }, [teamKey, location, service]);
  const teamList: PractitionerList = team && team.key === teamKey ? team.list : { status: "loading" };
  const practitionerName = (slug: string | undefined | null) =>
    (slug && teamList.status === "ready" ? teamList.practitioners.find((p) => p.slug === slug)?.name : undefined) ?? null;

  const chooseService = (slug: string, triage: TriageOutcome | null = choices.triage) => {
    const s = catalog.services.find((x) => x.slug === slug);
    if (!s) return;
    const keepLocation = choices.location && s.locations.includes(choices.location) ? choices.location : s.locations.length === 1 ? s.locations[0]! : null;
    const same = slug === choices.service && keepLocation === choices.location;
    setChoices((c) => ({ ...c, service: slug, triage, location: keepLocation, ...(same ? {} : { practitioner: undefined, slot: null }) }));
    go(keepLocation ? "practitioner" : "location");
  };
  const onDraft = useCallback((details: PatientDetails) => setChoices((c) => ({ ...c, details })), []);

  const facts =
    service && location && choices.slot && plan
      ? {
          service: { name: service.name, durationMinutes: service.durationMinutes },
          location,
          practitionerName: practitionerName(choices.slot.practitioner),
          anyPractitioner: choices.practitioner === null,
          start: choices.slot.start,
          plan,
        }
      : null;

  let body: React.ReactNode;
  let shownStep: StepId = step;
  // Once booked, going back in history never shows the confirm button again.
  if (created && facts && choices.details) {
    shownStep = "done";
    body = <StepDone created={created} facts={facts} firstName={choices.details.firstName} email={choices.details.email} />;
  } else if (step === "triage") {
    body = (
      <StepTriage
        focus={moved}
        serviceName={serviceName}
        draft={triageDraft}
        onDraft={setTriageDraft}
        onBook={(o) => o.service && chooseService(o.service, o)}
        onChooseMyself={() => go("need")}
      />
    );
  } else if (step === "location" && service) {
    body = (
      <StepLocation
        locations={catalog.locations}
        service={service}
        selected={choices.location}
        focus={moved}
        onChoose={(slug) => {
          if (slug !== choices.location) setChoices((c) => ({ ...c, location: slug, practitioner: undefined, slot: null }));
          go("practitioner");
        }}
      />
    );
  } else if (step === "practitioner" && location && service) {
    body = (
      <StepPractitioner
        list={teamList}
        locationName={location.name}
        selected={choices.practitioner}
        focus={moved}
        onRetry={() => setTeamAttempt((n) => n + 1)}
        onChoose={(p) => {
          if (p !== choices.practitioner) setChoices((c) => ({ ...c, practitioner: p, slot: null }));
          go("time");
        }}
      />
    );
  } else if (step === "time" && location && service && plan && choices.practitioner !== undefined) {
    const who = practitionerName(choices.practitioner);
    body = (
      <>
        <StepHeading focus={moved}>Choose a time</StepHeading>
        <p className="step__note">
          {service.name} at {location.name}
          {who ? ` with ${who}` : ", first available practitioner"}.
        </p>
        <SlotPicker
          key={`${location.slug}|${service.slug}|${choices.practitioner}`}
          headingId="slot-day-title"
          location={location}
          service={service.slug}
          practitioner={choices.practitioner}
          plan={plan}
          selectedStart={choices.slot?.start}
          startDate={null}
          onPick={(slot: Slot) => {
            setChoices((c) => ({ ...c, slot }));
            go("details");
          }}
          emptyActions={
            choices.practitioner ? (
              <button type="button" className="button button--ghost button--small" onClick={() => setChoices((c) => ({ ...c, practitioner: null, slot: null }))}>
                See any practitioner
              </button>
            ) : null
          }
        />
      </>
    );
  } else if (step === "details" && choices.slot) {
    body = (
      <StepDetails
        details={choices.details}
        serverErrors={serverErrors}
        focus={moved}
        onDraft={onDraft}
        onSubmit={(details) => {
          setChoices((c) => ({ ...c, details }));
          setServerErrors({});
          go("review");
        }}
      />
    );
  } else if (step === "review" && facts && choices.details && choices.slot && location && service && plan) {
    body = (
      <StepReview
        facts={{ ...facts, patient: choices.details }}
        request={{ service: service.slug, location: location.slug, slot: choices.slot, details: choices.details, triage: choices.triage?.id ?? null, anyPractitioner: choices.practitioner === null }}
        plan={plan}
        focus={moved}
        onEdit={go}
        onPickSlot={(slot) => setChoices((c) => ({ ...c, slot }))}
        onFieldErrors={(fields) => {
          setServerErrors(fields);
          go("details");
        }}
        onBooked={(c) => {
          setCreated(c);
          go("done");
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
        onChoose={(slug) => chooseService(slug, null)}
        onHelp={() => go("triage")}
        onClearLocation={() => setChoices((c) => ({ ...c, location: null }))}
      />
    );
  }
  const back = BACK[shownStep];

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
              <button type="button" className="back-link" onClick={() => goBack(back === "location" && location && service?.locations.length === 1 ? "need" : back)}>
                <span aria-hidden="true">‹</span> Back
              </button>
            ) : null}
            {body}
          </section>
          {shownStep !== "done" ? (
            <BookingSummary
              service={service ? { name: service.name, durationMinutes: service.durationMinutes } : null}
              location={location}
              practitioner={choices.practitioner === null ? "First available" : practitionerName(choices.practitioner)}
              start={choices.slot?.start ?? null}
              plan={plan}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
