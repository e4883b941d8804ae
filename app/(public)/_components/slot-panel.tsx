"use client";
import type { Slot } from "./public-api";
import { DAY_PARTS, slotsByPart } from "./slot-groups";
import { longDate, sideTime, timeOf, type ZonePlan } from "./time-format";
import type { Week } from "./use-week-slots";

interface Props {
  headingId: string;
  /** undefined while the week loads. */
  week: Week | undefined;
  day: string | null;
  daySlots: Slot[];
  weekHasTimes: boolean;
  plan: ZonePlan;
  selectedStart?: string | null | undefined;
  emptyActions?: React.ReactNode;
  onPick: (slot: Slot) => void;
  onRetry: () => void;
  onNextWeek: () => void;
}

/** The chosen day's times by part of the day; or the week loading, failing, or without a free time. */
export function SlotPanel(p: Props) {
  const { headingId, week, day, plan } = p;
  return (
    <div className="slot-panel" aria-busy={!week} aria-labelledby={headingId}>
      {!week ? (
        <>
          <h3 id={headingId} className="slot-panel__title">
            <span className="skeleton skeleton--title" aria-hidden="true" />
            <span className="visually-hidden">Loading free times</span>
          </h3>
          <div className="time-grid" aria-hidden="true">
            {Array.from({ length: 8 }, (_, i) => (
              <span key={i} className="skeleton skeleton--time" />
            ))}
          </div>
        </>
      ) : week.status === "error" ? (
        <div className="alert alert--error" role="alert">
          <h3 id={headingId} className="alert__title">
            We couldn&apos;t load the free times
          </h3>
          <p>{week.message}</p>
          <button type="button" className="button button--small" onClick={p.onRetry}>
            Try again
          </button>
        </div>
      ) : !p.weekHasTimes || !day ? (
        <div className="slot-empty">
          <h3 id={headingId} className="slot-panel__title">
            No free times this week
          </h3>
          <p className="muted">Try next week{p.emptyActions ? ", or another practitioner" : ""}.</p>
          <div className="slot-empty__actions">
            <button type="button" className="button button--small" onClick={p.onNextWeek}>
              Try next week
            </button>
            {p.emptyActions}
          </div>
        </div>
      ) : (
        <>
          <h3 id={headingId} className="slot-panel__title">
            {longDate(day)}
          </h3>
          <DayTimes day={day} slots={p.daySlots} plan={plan} selectedStart={p.selectedStart} onPick={p.onPick} />
        </>
      )}
    </div>
  );
}

function DayTimes({
  day,
  slots,
  plan,
  selectedStart,
  onPick,
}: Pick<Props, "plan" | "selectedStart" | "onPick"> & { day: string; slots: Slot[] }) {
  const parts = slotsByPart(slots, plan.primary);
  return DAY_PARTS.filter(({ part }) => parts[part].length > 0).map(({ part, label }) => (
    <section key={part} className="time-group" aria-label={`${label}, ${longDate(day)}`}>
      <h4 className="time-group__title">{label}</h4>
      <ul className={plan.secondary ? "time-grid time-grid--two-zones" : "time-grid"}>
        {parts[part].map((s) => {
          const selected = selectedStart ? Date.parse(selectedStart) === Date.parse(s.start) : false;
          return (
            <li key={s.start}>
              <button
                type="button"
                className="time"
                aria-pressed={selected}
                onClick={() => onPick(s)}
                data-start={s.start}
                data-practitioner={s.practitioner}
              >
                <span className="time__main">{timeOf(s.start, plan.primary)}</span>
                {plan.secondary ? <span className="time__sub">{sideTime(s.start, plan)}</span> : null}
                {s.remaining > 1 ? <span className="time__sub">{s.remaining} places left</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  ));
}
