"use client";

import { useActionState } from "react";
import { markReviewedAction, type ReviewState } from "./actions";

export function MarkReviewedButton({ appointmentId, version }: { appointmentId: string; version: number }) {
  const [state, action, pending] = useActionState<ReviewState, FormData>(
    markReviewedAction.bind(null, appointmentId),
    null,
  );
  return (
    <form action={action} className="review-form">
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : `Mark version ${version} reviewed`}
      </button>
      <p role="status" aria-live="polite" className="review-form__status">
        {state && !state.ok ? <span className="field-error">{state.error}</span> : null}
      </p>
    </form>
  );
}
