"use client";
import type { CatalogService, LocationOption } from "./booking-types";
import { StepHeading } from "./step-heading";
import { PinIcon, VideoIcon } from "../../_components/place-icons";

interface Props {
  locations: LocationOption[];
  service: CatalogService;
  selected: string | null;
  focus: boolean;
  onChoose: (location: string) => void;
}

export function StepLocation({ locations, service, selected, focus, onChoose }: Props) {
  const offering = locations.filter((l) => service.locations.includes(l.slug));
  return (
    <>
      <StepHeading focus={focus}>Where would you like to be seen?</StepHeading>
      <p className="step__note">
        {offering.length === 1
          ? "This service is offered at one location."
          : `${service.name} is offered at ${offering.length} locations.`}
      </p>
      <ul className="options options--two">
        {offering.map((l) => (
          <li key={l.slug}>
            <button
              type="button"
              className="option"
              aria-pressed={selected === l.slug}
              onClick={() => onChoose(l.slug)}
            >
              <span className="option__icon" aria-hidden="true">
                {l.online ? <VideoIcon /> : <PinIcon />}
              </span>
              <span className="option__body">
                <span className="option__title">{l.name}</span>
                <span className="option__text">{l.online ? "By video, from anywhere in Australia" : l.address}</span>
              </span>
              <span className="option__chevron" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
