"use client";
import type { TriageFlag } from "@/lib/intake/red-flags";

/**
 * Emergency and same-day advice, shown the moment an answer calls for it rather than after
 * the form is sent. The live region is always in the page, so screen readers announce changes.
 */
export function SafetyAlert({ flags }: { flags: readonly TriageFlag[] }) {
  const emergency = flags.filter((f) => f.tier === "emergency");
  const urgent = flags.filter((f) => f.tier === "urgent");
  return (
    <div role="alert" aria-live="assertive" aria-atomic="true" className="intake-safety">
      {emergency.length > 0 ? (
        <div className="intake-safety__box intake-safety__box--emergency">
          <p className="intake-safety__title">Please call 000 now, or go to the nearest emergency department.</p>
          <p>Don&apos;t wait for your appointment with us. {emergency[0]!.message.split(". ")[0]}.</p>
          <a className="button button--danger intake-safety__call" href="tel:000">
            Call 000
          </a>
        </div>
      ) : urgent.length > 0 ? (
        <div className="intake-safety__box intake-safety__box--urgent">
          <p className="intake-safety__title">Please see a GP or an urgent care clinic today.</p>
          <p>
            {urgent.map((f) => f.message.split(". ")[0]).join(". ")}. You can finish this form afterwards; we&apos;ll
            call you before your visit.
          </p>
        </div>
      ) : null}
    </div>
  );
}
