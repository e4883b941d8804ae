"use client";

import type { BoardAppointment, BoardColumn, LocationWeekBoard } from "@/lib/staff/reception-types";
import { INTAKE_LABEL, shortService, STATUS_LABEL } from "./calendar-labels";
import { groups } from "./calendar-grid";
import { clock, minutesOf, shortDate } from "./calendar-time";

interface Props {
  board: LocationWeekBoard;
  today: string;
  busy: boolean;
  onOpen: (group: BoardAppointment[]) => void;
  onBook: (cell: BoardColumn) => void;
  onDay: (date: string) => void;
  onPractitionerWeek: (practitioner: string) => void;
}

/** A location's week as a table: a row per practitioner, a column per day, each cell that day's visits in order. */
export function LocationWeekGrid({ board, today, busy, onOpen, onBook, onDay, onPractitionerWeek }: Props) {
  return (
    <div
      className="cal-scroll lw-scroll"
      aria-busy={busy}
      role="region"
      aria-label={`${board.location.name}’s week`}
      tabIndex={0}
    >
      <table className="lw-table">
        <caption className="visually-hidden">
          Appointments at {board.location.name}, a row per practitioner and a column per day
        </caption>
        <thead>
          <tr>
            <th scope="col" className="lw-corner">
              Practitioner
            </th>
            {board.days.map((d) => (
              <th key={d.date} scope="col" className={d.date === today ? "lw-today" : undefined}>
                <button type="button" className="col-head__title" onClick={() => onDay(d.date)}>
                  {shortDate(d.date)}
                  <span className="visually-hidden">: open day</span>
                </button>
                {d.closed ? <span className="col-head__meta">Closed: {d.closed}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.rows.map((r) => (
            <tr key={r.practitioner.slug}>
              <th scope="row" className="lw-who">
                <button
                  type="button"
                  className="col-head__title"
                  onClick={() => onPractitionerWeek(r.practitioner.slug)}
                >
                  {r.practitioner.name}
                  <span className="visually-hidden">: open their week</span>
                </button>
                <span className="col-head__sub">{r.practitioner.title}</span>
              </th>
              {r.cells.map((c) => (
                <WeekCell
                  key={c.key}
                  cell={c}
                  name={r.practitioner.name}
                  canBook={!c.closed && c.date >= today && c.working.length > 0}
                  onOpen={onOpen}
                  onBook={() => onBook(c)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekCell({
  cell: c,
  name,
  canBook,
  onOpen,
  onBook,
}: {
  cell: BoardColumn;
  name: string;
  canBook: boolean;
  onOpen: (group: BoardAppointment[]) => void;
  onBook: () => void;
}) {
  const hours = c.working
    .filter((w) => !w.label)
    .map((w) => `${clock(w.start)}–${clock(w.end)}`)
    .join(", ");
  const state = c.closed ? "Closed" : c.away.length ? "On leave" : hours || "Not rostered";
  return (
    <td className={`lw-cell${c.working.length === 0 ? " lw-cell--off" : ""}`}>
      <span className="lw-cell__hours">{state}</span>
      {c.appointments.length ? (
        <ul className="lw-list">
          {groups(c.appointments).map((g) => (
            <li key={g[0]!.id}>
              <WeekAppointment group={g} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      ) : null}
      {canBook ? (
        <button type="button" className="button button--ghost button--small lw-book" onClick={onBook}>
          <span aria-hidden="true">+ </span>Book
          <span className="visually-hidden">
            {" "}
            with {name} on {shortDate(c.date)}
          </span>
        </button>
      ) : null}
    </td>
  );
}

function WeekAppointment({ group, onOpen }: { group: BoardAppointment[]; onOpen: (g: BoardAppointment[]) => void }) {
  const first = group[0]!;
  const isClass = group.length > 1 || first.classId !== null;
  const needsCall = group.some((a) => a.intake.needsCall);
  const needsMoving = group.some((a) => a.needsMoving);
  const status = isClass ? (group.every((a) => a.status === first.status) ? first.status : "booked") : first.status;
  return (
    <button
      type="button"
      className={`appt appt--inline appt--${status}${needsCall ? " appt--call" : ""}${needsMoving ? " appt--move" : ""}`}
      onClick={() => onOpen(group)}
    >
      <span className="appt__line">
        <span className="appt__time">{clock(minutesOf(first.start))}</span>
        <span className="visually-hidden">–{clock(minutesOf(first.end))} </span>
        <span className="appt__name">
          {isClass ? `${shortService(first.service, first.serviceName)} · ${group.length} booked` : first.patient.name}
        </span>
        {needsCall ? <span className="flag-call">Call</span> : null}
        {needsMoving ? <span className="flag-move">Move</span> : null}
      </span>
      <span className="appt__meta">
        <span>{shortService(first.service, first.serviceName)}</span>
        {status !== "booked" ? (
          <span className={`status status--${status}`} aria-hidden="true">
            {STATUS_LABEL[status]}
          </span>
        ) : null}
      </span>
      <span className="visually-hidden">
        , {STATUS_LABEL[status]}
        {!isClass ? `, ${INTAKE_LABEL[first.intake.status]}` : ""}
        {needsCall ? ", needs a call" : ""}
        {needsMoving ? ", needs moving" : ""}
      </span>
    </button>
  );
}
