"use client";
import type { TriageOutcome } from "../../_components/public-api";
import { CallUsForm } from "./call-us-form";
import { StepHeading } from "./step-heading";
import { telHref } from "../../../_components/tel-href";

interface Props {
  outcome: TriageOutcome;
  clinicPhone: string;
  serviceName: string | null;
  onBook: () => void;
  onChangeAnswers: () => void;
  onChooseMyself: () => void;
}

export function TriageResult({ outcome, clinicPhone, serviceName, onBook, onChangeAnswers, onChooseMyself }: Props) {
  // When booking stops, the API's reasons are the message itself; ours is only the fallback.
  const stopText = (fallback: string) =>
    (outcome.reasons.length ? outcome.reasons : [fallback]).map((r) => (
      <p key={r} className="stop__lead">
        {r}
      </p>
    ));
  const reasons = outcome.reasons.length ? (
    <ul className="reasons">
      {outcome.reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  ) : null;
  const change = (
    <button type="button" className="link-button" onClick={onChangeAnswers}>
      Change my answers
    </button>
  );

  if (outcome.route === "emergency")
    return (
      <div className="stop stop--emergency">
        <StepHeading focus>Please don&apos;t book online: call 000 now</StepHeading>
        {stopText(
          "Your answers include warning signs that need emergency care. Call Triple Zero (000) or go to your nearest hospital emergency department now.",
        )}
        <div className="step__actions">
          <a className="button button--danger button--large" href="tel:000">
            Call 000
          </a>
        </div>
        <p className="muted">If you answered by mistake: {change}</p>
        <CallUsForm
          triageId={outcome.id}
          lead="Once you have had help, we would like to hear from you. The email holds only our phone number, nothing about your answers."
        />
      </div>
    );

  if (outcome.route === "urgent-care")
    return (
      <div className="stop stop--urgent">
        <StepHeading focus>See a GP or urgent care clinic today</StepHeading>
        {stopText(
          "Your answers mean a doctor should check you today. Please see your GP or an urgent care clinic today rather than booking online.",
        )}
        <p>If you get worse, call 000.</p>
        <p>
          Not sure where to go? Call healthdirect on <a href="tel:1800022222">1800 022 222</a> (24 hours), or call us on{" "}
          <a href={telHref(clinicPhone)}>{clinicPhone}</a>.
        </p>
        <p className="muted">If you answered by mistake: {change}</p>
        <CallUsForm
          triageId={outcome.id}
          lead="Can't call right now? Leave your first name and email and we'll send you our number, so you can call when it suits you. The email says nothing about your answers."
        />
      </div>
    );

  return (
    <div className="recommendation">
      <p className="step__kicker">Our suggestion</p>
      <StepHeading focus>{serviceName ?? "A sports physiotherapy assessment"}</StepHeading>
      {outcome.urgency === "within-72h" ? (
        <div className="alert alert--warn">
          <strong>Please be seen in the next 3 days.</strong> Choose one of the soonest times.
        </div>
      ) : null}
      <h3 className="recommendation__why">Why we suggest this</h3>
      {reasons}
      {outcome.alsoSeeGp ? (
        <div className="alert alert--info">
          <strong>Please also see your GP.</strong> Some of your answers are worth a doctor&apos;s check as well. You
          can still book with us now.
        </div>
      ) : null}
      <div className="step__actions">
        <button type="button" className="button button--large" onClick={onBook}>
          Book {serviceName ? "this appointment" : "now"}
        </button>
        <button type="button" className="button button--ghost" onClick={onChooseMyself}>
          Choose something else
        </button>
      </div>
      <p className="muted">{change}</p>
    </div>
  );
}
