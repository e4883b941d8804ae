"use client";
import dynamic from "next/dynamic";
import { LoadingBlock } from "../../_components/loading-block";
import type { StepId } from "./booking-types";

// Only the first steps come with the page. The later ones (times, the form library, review, confirmation,
// the questions) load when needed, each fetched a step ahead so that it is there when the patient arrives.
const loadSlotPicker = () => import("../../_components/slot-picker");
const loadDetails = () => import("./step-details");
const loadReview = () => import("./step-review");
export const SlotPicker = dynamic(() => loadSlotPicker().then((m) => m.SlotPicker), {
  loading: () => <LoadingBlock />,
});
export const StepDetails = dynamic(() => loadDetails().then((m) => m.StepDetails), { loading: () => <LoadingBlock /> });
export const StepReview = dynamic(() => loadReview().then((m) => m.StepReview), { loading: () => <LoadingBlock /> });
export const StepTriage = dynamic(() => import("./step-triage").then((m) => m.StepTriage), {
  loading: () => <LoadingBlock />,
});

const PRELOAD: Partial<Record<StepId, readonly (() => Promise<unknown>)[]>> = {
  location: [loadSlotPicker],
  practitioner: [loadSlotPicker],
  time: [loadDetails, loadReview],
  details: [loadReview],
};

/** Fetches the code of the steps that may come next. */
export function preloadAfter(step: StepId): void {
  for (const load of PRELOAD[step] ?? []) void load();
}
