"use client";

import type { BoardColumn } from "@/lib/staff/reception-types";
import { clock } from "./calendar-time";

interface Props {
  column: BoardColumn;
  mode: "day" | "week";
  /** Whose column it is: the Book button's name says it. */
  practitionerName: string;
  canBook: boolean;
  onBook: () => void;
  onWeek: () => void;
  onDay: () => void;
}

/** A column's name, hours and load, with a way to book straight into it. */
export function ColumnHeader({ column: c, mode, practitionerName, canBook, onBook, onWeek, onDay }: Props) {
  const count = c.appointments.length;
  const hours = c.working
    .filter((w) => !w.label)
    .map((w) => `${clock(w.start)}–${clock(w.end)}`)
    .join(", ");
  return (
    <div className="col-head">
      <div className="col-head__text">
        {mode === "day" ? (
          <button type="button" className="col-head__title" onClick={onWeek}>
            {c.title}
            <span className="visually-hidden">: open week</span>
          </button>
        ) : (
          <button type="button" className="col-head__title" onClick={onDay} disabled={!c.location}>
            {c.title}
            <span className="visually-hidden">: open day</span>
          </button>
        )}
        <span className="col-head__sub">{c.subtitle}</span>
        <span className="col-head__meta">
          {c.away.length ? "On leave" : c.closed ? c.closed : hours || "Not rostered"} · {count}{" "}
          {count === 1 ? "appt" : "appts"}
        </span>
      </div>
      {canBook ? (
        <button type="button" className="col-head__book" onClick={onBook}>
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">
            Book with {practitionerName}
            {mode === "day" ? "" : ` on ${c.title}`}
          </span>
        </button>
      ) : null}
    </div>
  );
}
