"use client";
import { useSyncExternalStore } from "react";
import { recallIntakeLink } from "../../../_components/booked-links";

const noSubscribe = () => () => {};

/** After booking: the intake form is the next thing to do. Its link is in this tab's memory, or in the email. */
export function BookedNext({ bookingId }: { bookingId: string }) {
  const intake = useSyncExternalStore(
    noSubscribe,
    () => recallIntakeLink(bookingId),
    () => null,
  );
  return (
    <section className="done__next card card--flat" aria-labelledby="intake-next-title">
      <h2 id="intake-next-title">One more thing: your intake form</h2>
      <p>
        A few minutes of questions about your pain and goals, so your practitioner can read them before you arrive and
        the visit starts with you, not a form.
      </p>
      {intake ? (
        <a className="button button--large" href={intake}>
          Fill in the intake form
        </a>
      ) : (
        <p className="muted">The link to the form is in your confirmation email.</p>
      )}
    </section>
  );
}
