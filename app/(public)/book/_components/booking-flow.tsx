"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { PatientDetails } from "@/lib/scheduling/schemas";
import { zonePlan } from "../../_components/time-format";
import { useViewerZone } from "../../_components/use-viewer-zone";
import { backFrom, chooseReducer, deepLinkChoices, deepLinkStep, initialChoices } from "./booking-choices";
import { BookingFrame } from "./booking-frame";
import { renderStep } from "./booking-step";
import type { Catalog, DeepLink, Referral } from "./booking-types";
import { preloadAfter } from "./lazy-steps";
import { useBookingSubmit } from "./use-booking-submit";
import { usePractitionerList } from "./use-practitioner-list";
import { useStepHistory } from "./use-step-history";
import type { TriageDraft } from "./use-triage-draft";

interface Props {
  catalog: Catalog;
  initialLocation: string | null;
  startInHelp: boolean;
  /** A directory's deep link: the time already chosen. */
  deepLink?: DeepLink | null;
  /** Who referred the patient (a deep link's `source` and `booking-referral`), recorded with the booking. */
  referral?: Referral | null;
}

/** The booking, one step at a time: the choices live in a reducer, the steps in browser history. */
export function BookingFlow({ catalog, initialLocation, startInHelp, deepLink = null, referral = null }: Props) {
  const { step, moved, go, goBack, topRef } = useStepHistory(
    deepLinkStep(deepLink) ?? (startInHelp ? "triage" : "need"),
  );
  const [choices, choose] = useReducer(chooseReducer, initialLocation, (l) =>
    deepLink ? deepLinkChoices(deepLink) : initialChoices(l),
  );
  const [triageDraft, setTriageDraft] = useState<TriageDraft | null>(null);
  const submit = useBookingSubmit(() => go("details"));
  const viewerZone = useViewerZone();

  const service = catalog.services.find((s) => s.slug === choices.service) ?? null;
  const location = catalog.locations.find((l) => l.slug === choices.location) ?? null;
  const plan = useMemo(() => (location ? zonePlan(location, viewerZone) : null), [location, viewerZone]);
  const serviceName = useCallback(
    (slug: string) => catalog.services.find((s) => s.slug === slug)?.name ?? slug,
    [catalog.services],
  );
  const onDraft = useCallback((details: PatientDetails) => choose({ type: "details", details }), []);
  const team = usePractitionerList(location?.slug ?? null, service?.discipline ?? null, service?.slug ?? null);
  useEffect(() => preloadAfter(step), [step]);

  const current = renderStep({
    step,
    moved,
    go,
    catalog,
    choices,
    choose,
    service,
    location,
    plan,
    team,
    triageDraft,
    setTriageDraft,
    serviceName,
    onDraft,
    submit,
    deepLink,
    referral,
  });
  const back = backFrom(current.shown, service?.locations.length ?? 0);
  // One way back: inside help-me-choose, Back steps through its pages before it leaves them.
  const triagePage = current.shown === "triage" && triageDraft && !triageDraft.outcome ? triageDraft.page : 0;
  const onBack = () => (triagePage > 0 ? setTriageDraft((d) => d && { ...d, page: d.page - 1 }) : back && goBack(back));

  return (
    <BookingFrame
      step={current.shown}
      onBack={back ? onBack : null}
      topRef={topRef}
      summary={{
        service: service ? { name: service.name, durationMinutes: service.durationMinutes } : null,
        location,
        practitioner: choices.practitioner === null ? "First available" : team.nameOf(choices.practitioner),
        start: choices.slot?.start ?? null,
        plan,
      }}
    >
      {current.body}
    </BookingFrame>
  );
}
