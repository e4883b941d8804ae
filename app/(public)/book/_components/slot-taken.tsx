"use client";
import { useEffect, useRef, useState } from "react";
import { fetchAvailability, type Slot } from "../../_components/public-api";
import { nearestSlots } from "../../_components/slot-groups";
import { addDays, dateKey, dateOf, timeOf, zoneCity, type ZonePlan } from "../../_components/time-format";
import { waitlistJoinHref } from "./waitlist-link";

interface Props {
  taken: Slot;
  location: { slug: string; timezone: string };
  service: string;
  /** null: any practitioner will do. */
  practitioner: string | null;
  /** The patient's help-me-choose triage, if any: it goes with a wait-list join. */
  triage: string | null;
  plan: ZonePlan;
  onPick: (slot: Slot) => void;
  onSeeAll: () => void;
}

type State = { status: "loading" } | { status: "ready"; slots: Slot[] } | { status: "error" };

/** A time was taken while the patient typed: say so kindly and offer the nearest free times. */
export function SlotTaken({ taken, location, service, practitioner, triage, plan, onPick, onSeeAll }: Props) {
  const [state, setState] = useState<State>({ status: "loading" });
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
    const controller = new AbortController();
    const day = dateKey(taken.start, location.timezone);
    const today = dateKey(new Date(), location.timezone);
    const from = addDays(day, -1) < today ? today : addDays(day, -1);
    fetchAvailability(
      { location: location.slug, service, from, to: addDays(day, 7), practitioner: practitioner ?? undefined },
      controller.signal,
    )
      .then((r) => {
        const t = Date.parse(taken.start);
        const free = r.slots.filter((s) => !(Date.parse(s.start) === t && s.practitioner === taken.practitioner));
        setState({ status: "ready", slots: nearestSlots(free, taken.start, 6) });
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== "AbortError") setState({ status: "error" });
      });
    return () => controller.abort();
  }, [taken, location.slug, location.timezone, service, practitioner]);

  return (
    <div className="alert alert--warn taken" role="alert" tabIndex={-1} ref={ref}>
      <h3 className="alert__title">Sorry, that time has just been taken</h3>
      <p>
        Someone else booked {timeOf(taken.start, plan.primary)} on {dateOf(taken.start, plan.primary)} while you were
        filling in your details. Your details are saved: just choose another time.
      </p>
      {state.status === "loading" ? (
        <ul className="taken__list" aria-hidden="true">
          {Array.from({ length: 4 }, (_, i) => (
            <li key={i}>
              <span className="skeleton skeleton--time" />
            </li>
          ))}
        </ul>
      ) : state.status === "ready" && state.slots.length > 0 ? (
        <>
          <p className="taken__lead">The nearest free times:</p>
          <ul className="taken__list">
            {state.slots.map((s) => (
              <li key={`${s.start}-${s.practitioner}`}>
                <button type="button" className="time time--wide" onClick={() => onPick(s)}>
                  <span className="time__main">{timeOf(s.start, plan.primary)}</span>
                  <span className="time__sub">
                    {dateOf(s.start, plan.primary).replace(/ \d{4}$/, "")}
                    {plan.secondary ? ` · ${timeOf(s.start, plan.secondary)} ${zoneCity(plan.secondary)}` : ""}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          {state.status === "error"
            ? "We couldn't load other times just now."
            : "There are no other free times close to that one."}
        </p>
      )}
      <div className="taken__actions">
        <button type="button" className="button button--ghost button--small" onClick={onSeeAll}>
          See all free times
        </button>
        <a
          className="button button--ghost button--small"
          href={waitlistJoinHref(location.slug, service, practitioner, triage)}
        >
          Join the wait list
        </a>
      </div>
    </div>
  );
}
