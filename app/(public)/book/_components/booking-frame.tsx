"use client";
import type { Ref } from "react";
import { BookingProgress } from "./booking-progress";
import { BookingSummary } from "./booking-summary";
import type { StepId } from "./booking-types";

interface Props {
  step: StepId;
  /** null on a step with nowhere to go back to. */
  onBack: (() => void) | null;
  /** The booking so far, beside the step (not once booked). */
  summary: React.ComponentProps<typeof BookingSummary>;
  topRef: Ref<HTMLDivElement>;
  children: React.ReactNode;
}

/** The page around each booking step: its heading, the progress, Back, and the booking so far. */
export function BookingFrame({ step, onBack, summary, topRef, children }: Props) {
  return (
    <div className="book" ref={topRef}>
      <div className="container book__inner">
        <header className="book__header">
          <p className="eyebrow eyebrow--dark">Book online</p>
          <h1>{step === "done" ? "Booking confirmed" : "Book an appointment"}</h1>
        </header>
        <BookingProgress step={step} />
        <div className={`book__grid ${step === "done" ? "book__grid--single" : ""}`}>
          <section className="card step" aria-labelledby="step-title" data-step={step}>
            {onBack ? (
              <button type="button" className="back-link" onClick={onBack}>
                <span aria-hidden="true">‹</span> Back
              </button>
            ) : null}
            {children}
          </section>
          {step !== "done" ? <BookingSummary {...summary} /> : null}
        </div>
      </div>
    </div>
  );
}
