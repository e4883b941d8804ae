"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StepId } from "./booking-types";

/** What this page keeps in each history entry: the step, and how many booking steps lie behind it. */
interface StepState {
  bookingStep?: StepId;
  bookingIndex?: number;
}
const currentEntry = (): StepState => (window.history.state ?? {}) as StepState;

/**
 * The booking's steps as browser history: each step forward is an entry, so a phone's back button steps back instead
 * of leaving, and the page's own Back is the browser's while there is a booking step behind (so the two always agree).
 * `moved`: the patient has moved at least once, so a step's heading takes focus.
 */
export function useStepHistory(firstStep: StepId) {
  const [step, setStep] = useState<StepId>(firstStep);
  const [moved, setMoved] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);

  const show = useCallback((next: StepId) => {
    setStep(next);
    setMoved(true);
    topRef.current?.scrollIntoView({ block: "start" });
  }, []);
  const go = useCallback(
    (next: StepId) => {
      show(next);
      window.history.pushState(
        { bookingStep: next, bookingIndex: (currentEntry().bookingIndex ?? 0) + 1 } satisfies StepState,
        "",
      );
    },
    [show],
  );
  // on the first entry there is nothing to go back to: Back replaces that entry instead
  const goBack = (target: StepId) => {
    if ((currentEntry().bookingIndex ?? 0) > 0) return window.history.back();
    show(target);
    window.history.replaceState({ ...currentEntry(), bookingStep: target, bookingIndex: 0 } satisfies StepState, "");
  };
  useEffect(() => {
    // A reload starts the booking again: this entry becomes its first step.
    if (currentEntry().bookingStep)
      window.history.replaceState(
        { ...currentEntry(), bookingStep: undefined, bookingIndex: 0 } satisfies StepState,
        "",
      );
    const onPop = (e: PopStateEvent) => {
      setStep((e.state as StepState | null)?.bookingStep ?? firstStep);
      setMoved(true);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [firstStep]);

  return { step, moved, go, goBack, topRef };
}
