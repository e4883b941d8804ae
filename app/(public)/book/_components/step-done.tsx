"use client";
import { AddToCalendar } from "../../_components/add-to-calendar";
import { sameSitePath, tokenFromManageUrl, type BookingCreated } from "../../_components/public-api";
import { BookingFacts, type BookingFactsProps } from "./booking-facts";
import { StepHeading } from "./step-heading";

interface Props {
  created: BookingCreated;
  facts: Omit<BookingFactsProps, "onChange" | "patient">;
  firstName: string;
  email: string;
}

export function StepDone({ created, facts, firstName, email }: Props) {
  const token = tokenFromManageUrl(created.manageUrl);
  return (
    <div className="done">
      <div className="done__badge" aria-hidden="true">
        ✓
      </div>
      <StepHeading focus>You&apos;re booked, {firstName}</StepHeading>
      <p className="done__lead">
        We&apos;ve sent the details to <strong>{email}</strong>. Keep that email: its link lets you cancel or move your
        appointment.
      </p>
      <BookingFacts {...facts} />
      <div className="done__next card card--flat">
        <h3>One more thing: your intake form</h3>
        <p>
          A few minutes of questions about your pain and goals, so your practitioner can read them before you arrive and
          the visit starts with you, not a form.
        </p>
        <a className="button button--large" href={sameSitePath(created.intakeUrl)}>
          Fill in the intake form
        </a>
      </div>
      <ul className="done__links">
        <li>
          <AddToCalendar bookingId={created.booking.id} token={token} />
        </li>
        <li>
          <a className="button button--ghost" href={sameSitePath(created.manageUrl)}>
            Manage your booking
          </a>
        </li>
      </ul>
      <p className="muted step__fine">
        To cancel or change: use &ldquo;Manage your booking&rdquo;, or the link in your email.
      </p>
    </div>
  );
}
