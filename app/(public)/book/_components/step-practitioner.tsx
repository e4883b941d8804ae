"use client";
import type { PractitionerOption } from "../../_components/public-api";
import { initials } from "./service-copy";
import { StepHeading } from "./step-heading";

export type PractitionerList =
  | { status: "loading" }
  | { status: "ready"; practitioners: PractitionerOption[] }
  | { status: "error"; message: string };

interface Props {
  list: PractitionerList;
  locationName: string;
  selected: string | null | undefined;
  focus: boolean;
  onChoose: (practitioner: string | null) => void;
  onRetry: () => void;
}

export function StepPractitioner({ list, locationName, selected, focus, onChoose, onRetry }: Props) {
  return (
    <>
      <StepHeading focus={focus}>Who would you like to see?</StepHeading>
      <p className="step__note">
        Every practitioner at {locationName} is fully qualified. Choose someone you know, or take the soonest time.
      </p>
      <ul className="options">
        <li>
          <button
            type="button"
            className="option option--feature"
            aria-pressed={selected === null}
            onClick={() => onChoose(null)}
          >
            <span className="option__icon" aria-hidden="true">
              ★
            </span>
            <span className="option__body">
              <span className="option__title">First available</span>
              <span className="option__text">The soonest time with any practitioner here.</span>
            </span>
            <span className="option__chevron" aria-hidden="true">
              ›
            </span>
          </button>
        </li>
        {list.status === "loading"
          ? Array.from({ length: 3 }, (_, i) => (
              <li key={i} aria-hidden="true">
                <span className="option option--skeleton">
                  <span className="skeleton skeleton--avatar" />
                  <span className="skeleton skeleton--text skeleton--wide" />
                </span>
              </li>
            ))
          : list.status === "ready"
            ? list.practitioners.map((p) => (
                <li key={p.slug}>
                  <button
                    type="button"
                    className="option"
                    aria-pressed={selected === p.slug}
                    onClick={() => onChoose(p.slug)}
                  >
                    <span className="option__avatar" aria-hidden="true">
                      {initials(p.name)}
                    </span>
                    <span className="option__body">
                      <span className="option__title">{p.name}</span>
                      <span className="option__text">
                        {p.discipline === "exercise-physiology" ? "Exercise physiologist" : "Sports physiotherapist"}
                      </span>
                    </span>
                    <span className="option__chevron" aria-hidden="true">
                      ›
                    </span>
                  </button>
                </li>
              ))
            : null}
      </ul>
      {list.status === "loading" ? (
        <p className="visually-hidden" role="status">
          Loading practitioners
        </p>
      ) : null}
      {list.status === "error" ? (
        <div className="alert alert--error" role="alert">
          <p>{list.message}</p>
          <button type="button" className="button button--small" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
    </>
  );
}
