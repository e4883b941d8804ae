"use client";
import { useId } from "react";
import { PractitionerAvatar } from "@/app/_components/practitioner-avatar";
import type { PractitionerOption } from "../../_components/public-api";
import { nextFreeText } from "../../_components/time-format";
import { StepHeading } from "./step-heading";

export type PractitionerList =
  | { status: "loading" }
  | { status: "ready"; practitioners: PractitionerOption[] }
  | { status: "error"; message: string };

interface Props {
  list: PractitionerList;
  locationName: string;
  /** The zone times are shown in (the clinic's, or the patient's for online rehab). */
  zone: string;
  selected: string | null | undefined;
  focus: boolean;
  onChoose: (practitioner: string | null) => void;
  onRetry: () => void;
}

const DISCIPLINE_TITLE = { "exercise-physiology": "Exercise physiologist", "sports-physio": "Sports physiotherapist" };

export function StepPractitioner({ list, locationName, zone, selected, focus, onChoose, onRetry }: Props) {
  const soonest =
    list.status === "ready"
      ? list.practitioners
          .map((p) => p.nextFree)
          .filter((t): t is string => !!t)
          .sort((a, b) => Date.parse(a) - Date.parse(b))[0]
      : undefined;
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
              {soonest ? <NextFree iso={soonest} zone={zone} /> : null}
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
                  <PractitionerChoice
                    practitioner={p}
                    zone={zone}
                    pressed={selected === p.slug}
                    onChoose={() => onChoose(p.slug)}
                  />
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

/**
 * One practitioner: the button says who and when they are next free; their title, qualifications, bio and AHPRA number
 * sit beside it (its description), and the whole card answers a tap (the button's ::after covers it).
 */
function PractitionerChoice({
  practitioner: p,
  zone,
  pressed,
  onChoose,
}: {
  practitioner: PractitionerOption;
  zone: string;
  pressed: boolean;
  onChoose: () => void;
}) {
  const id = useId();
  const title = p.title || DISCIPLINE_TITLE[p.discipline];
  return (
    <div className="option option--person">
      <PractitionerAvatar name={p.name} photoUrl={p.photo} size={56} />
      <button
        type="button"
        className="person__choose"
        aria-pressed={pressed}
        aria-describedby={`${id}-about`}
        onClick={onChoose}
      >
        <span className="option__title">{p.name}</span>
        {p.nextFree === undefined ? null : p.nextFree ? (
          <NextFree iso={p.nextFree} zone={zone} />
        ) : (
          <span className="next-free next-free--none">No free times in the next 5 weeks</span>
        )}
      </button>
      <span id={`${id}-about`} className="person__about">
        <span className="option__text">
          {title}
          {p.qualifications ? <span className="person__quals"> · {p.qualifications}</span> : null}
        </span>
        {p.bio ? <span className="person__bio">{p.bio}</span> : null}
        {p.ahpraNumber ? (
          <span className="person__reg">
            <abbr title="Australian Health Practitioner Regulation Agency">AHPRA</abbr> {p.ahpraNumber}
          </span>
        ) : null}
      </span>
      <span className="option__chevron" aria-hidden="true">
        ›
      </span>
    </div>
  );
}

function NextFree({ iso, zone }: { iso: string; zone: string }) {
  return (
    <span className="next-free">
      <span className="next-free__dot" aria-hidden="true" />
      <span>Next free:</span> <span className="next-free__when">{nextFreeText(iso, zone)}</span>
    </span>
  );
}
