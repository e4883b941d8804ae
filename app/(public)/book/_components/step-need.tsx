"use client";
import type { CatalogService, LocationOption } from "./booking-types";
import { DISCIPLINE_LABEL, SERVICE_BLURB, SERVICE_GROUPS } from "./service-copy";
import { StepHeading } from "./step-heading";

interface Props {
  services: CatalogService[];
  location: LocationOption | null;
  selected: string | null;
  focus: boolean;
  /** Help-me-choose said booking online is not safe right now. */
  stopped?: boolean;
  onChoose: (service: string) => void;
  onHelp: () => void;
  onClearLocation: () => void;
}

export function StepNeed({
  services,
  location,
  selected,
  focus,
  stopped = false,
  onChoose,
  onHelp,
  onClearLocation,
}: Props) {
  const offered = location ? services.filter((s) => s.locations.includes(location.slug)) : services;
  const known = new Set(SERVICE_GROUPS.flatMap((g) => g.slugs));
  const groups = [
    ...SERVICE_GROUPS.map((g) => ({
      title: g.title,
      items: g.slugs.map((s) => offered.find((o) => o.slug === s)).filter((s) => s !== undefined),
    })),
    { title: "Other services", items: offered.filter((s) => !known.has(s.slug)) },
  ].filter((g) => g.items.length > 0);

  return (
    <>
      <StepHeading focus={focus}>What do you need?</StepHeading>
      {location ? (
        <p className="step__note">
          Showing what {location.name} offers.{" "}
          <button type="button" className="link-button" onClick={onClearLocation}>
            See all services
          </button>
        </p>
      ) : null}

      {stopped ? (
        <div className="alert alert--warn" role="alert">
          <p>
            <strong>Your answers mean booking online isn&apos;t safe for you right now.</strong> Please follow the
            advice you were given first.
          </p>
          <button type="button" className="button button--small" onClick={onHelp}>
            See what to do
          </button>
        </div>
      ) : null}
      <button type="button" className="option option--feature" onClick={onHelp}>
        <span className="option__icon" aria-hidden="true">
          ?
        </span>
        <span className="option__body">
          <span className="option__title">Not sure? Help me choose</span>
          <span className="option__text">
            Answer a few quick questions about your pain and we&apos;ll suggest the right appointment.
          </span>
        </span>
        <span className="option__chevron" aria-hidden="true">
          ›
        </span>
      </button>

      {groups.map((g) => (
        <section key={g.title} className="option-group" aria-labelledby={`group-${g.title}`}>
          <h3 id={`group-${g.title}`} className="option-group__title">
            {g.title}
          </h3>
          <ul className="options">
            {g.items.map((s) => (
              <li key={s.slug}>
                <button
                  type="button"
                  className="option"
                  aria-pressed={selected === s.slug}
                  onClick={() => onChoose(s.slug)}
                >
                  <span className="option__body">
                    <span className="option__title">{s.name}</span>
                    {SERVICE_BLURB[s.slug] ? <span className="option__text">{SERVICE_BLURB[s.slug]}</span> : null}
                    <span className="option__meta">
                      {DISCIPLINE_LABEL[s.discipline] ?? s.discipline}
                      {s.durationMinutes ? ` · ${s.durationMinutes} min` : ""}
                    </span>
                  </span>
                  <span className="option__chevron" aria-hidden="true">
                    ›
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
