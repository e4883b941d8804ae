"use client";
import type { Slot } from "./public-api";
import { dayParts, longDate } from "./time-format";

interface Props {
  days: string[];
  byDay: Map<string, Slot[]>;
  day: string | null;
  loading: boolean;
  onChoose: (day: string) => void;
}

/** The week's days, each with how many times are free. */
export function DayStrip({ days, byDay, day, loading, onChoose }: Props) {
  return (
    <div className="day-strip" role="group" aria-label="Choose a day">
      {days.map((d) => {
        const p = dayParts(d);
        const count = byDay.get(d)?.length ?? 0;
        const selected = d === day;
        return (
          <button
            key={d}
            type="button"
            className="day"
            aria-pressed={selected}
            disabled={loading || count === 0}
            onClick={() => onChoose(d)}
            data-free={count > 0 ? "yes" : "no"}
          >
            <span className="day__weekday" aria-hidden="true">
              {p.weekday}
            </span>
            <span className="day__date" aria-hidden="true">
              {p.day}
            </span>
            <span className="day__count" aria-hidden="true">
              {loading ? (
                <span className="skeleton skeleton--text" />
              ) : count > 0 ? (
                <>
                  {count}
                  <span className="day__word"> free</span>
                </>
              ) : (
                "–"
              )}
            </span>
            <span className="visually-hidden">
              {longDate(d)},{" "}
              {loading ? "loading" : count > 0 ? `${count} free ${count === 1 ? "time" : "times"}` : "no free times"}
            </span>
          </button>
        );
      })}
    </div>
  );
}
