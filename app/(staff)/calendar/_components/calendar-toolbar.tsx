"use client";

import { addDays, longDate, mondayOf, shortDate } from "./calendar-time";

export interface ToolbarState {
  /** "week" is one practitioner's week, "location-week" one location's. */
  mode: "day" | "location-week" | "week";
  location: string;
  practitioner: string;
  date: string;
}

interface Props {
  state: ToolbarState;
  today: string;
  locations: { slug: string; name: string }[];
  practitioners: { slug: string; name: string }[];
  onChange: (next: Partial<ToolbarState>) => void;
  onNewBooking: (() => void) | null;
  busy: boolean;
  subject: string;
}

/** The printed sheet of the day on screen: the location's, or in a practitioner's week, theirs. */
export function daySheetHref(s: ToolbarState): string {
  return s.mode === "week"
    ? `/calendar/print?practitioner=${encodeURIComponent(s.practitioner)}&date=${s.date}`
    : `/calendar/print?location=${encodeURIComponent(s.location)}&date=${s.date}`;
}

/** Location or practitioner, day or week, and the date: every switch is client-side and cached. */
export function CalendarToolbar({
  state,
  today,
  locations,
  practitioners,
  onChange,
  onNewBooking,
  busy,
  subject,
}: Props) {
  const step = state.mode === "day" ? 1 : 7;
  const title =
    state.mode === "day"
      ? longDate(state.date)
      : `Week of ${shortDate(mondayOf(state.date))} – ${shortDate(addDays(mondayOf(state.date), 6))}`;
  return (
    <div className="cal-toolbar">
      <div className="cal-toolbar__row">
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={state.mode === "day"} onClick={() => onChange({ mode: "day" })}>
            Day
          </button>
          <button
            type="button"
            aria-pressed={state.mode === "location-week"}
            onClick={() => onChange({ mode: "location-week" })}
            aria-keyshortcuts="l"
          >
            Location week
          </button>
          <button
            type="button"
            aria-pressed={state.mode === "week"}
            onClick={() => onChange({ mode: "week" })}
            aria-keyshortcuts="w"
          >
            Practitioner week
          </button>
        </div>
        {state.mode !== "week" ? (
          <div className="field field--inline">
            <label htmlFor="cal-location">Location</label>
            <select
              id="cal-location"
              className="select select--compact"
              value={state.location}
              onChange={(e) => onChange({ location: e.target.value })}
            >
              {locations.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field field--inline">
            <label htmlFor="cal-practitioner">Practitioner</label>
            <select
              id="cal-practitioner"
              className="select select--compact"
              value={state.practitioner}
              onChange={(e) => onChange({ practitioner: e.target.value })}
            >
              {practitioners.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="date-nav" role="group" aria-label="Date">
          <button
            type="button"
            className="icon-button"
            onClick={() => onChange({ date: addDays(state.date, -step) })}
            aria-label={state.mode === "day" ? "Previous day" : "Previous week"}
            aria-keyshortcuts="ArrowLeft"
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onChange({ date: today })}
            disabled={state.date === today}
            aria-keyshortcuts="t"
          >
            Today
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => onChange({ date: addDays(state.date, step) })}
            aria-label={state.mode === "day" ? "Next day" : "Next week"}
            aria-keyshortcuts="ArrowRight"
          >
            <span aria-hidden="true">›</span>
          </button>
          <label htmlFor="cal-date" className="visually-hidden">
            Go to date
          </label>
          <input
            id="cal-date"
            type="date"
            className="input input--compact"
            value={state.date}
            onChange={(e) => e.target.value && onChange({ date: e.target.value })}
          />
        </div>
        <a className="button button--ghost button--small" href={daySheetHref(state)}>
          Print day sheet
          {state.mode === "day" ? null : <span className="visually-hidden"> for {longDate(state.date)}</span>}
        </a>
        {onNewBooking ? (
          <button
            type="button"
            className="button button--small cal-toolbar__book"
            onClick={onNewBooking}
            aria-keyshortcuts="n"
          >
            + New booking
          </button>
        ) : null}
      </div>
      <div className="cal-toolbar__title">
        <h1 className="cal-title">{title}</h1>
        <span className="cal-subject">{subject}</span>
        {busy ? (
          <span className="cal-loading" role="status">
            Updating…
          </span>
        ) : null}
      </div>
    </div>
  );
}
