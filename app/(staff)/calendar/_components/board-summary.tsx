"use client";

import type { BoardAppointment } from "@/lib/staff/reception-types";
import { clock, minutesOf, shortDate } from "./calendar-time";
import type { Board } from "./use-board";

/** Every visit on the board, whichever way it is laid out. */
export function boardAppointments(board: Board): BoardAppointment[] {
  return board.kind === "location-week"
    ? board.rows.flatMap((r) => r.cells.flatMap((c) => c.appointments))
    : board.columns.flatMap((c) => c.appointments);
}

/** The day at a glance: how many visits, who is in, and who needs a call back. */
export function BoardSummary({ board, onOpen }: { board: Board; onOpen: (g: BoardAppointment[]) => void }) {
  const all = boardAppointments(board);
  const count = (s: string) => all.filter((a) => a.status === s).length;
  const calls = all.filter((a) => a.intake.needsCall);
  const moves = all.filter((a) => a.needsMoving);
  const intakeDone = all.filter((a) => a.intake.status === "completed").length;
  return (
    <div className="cal-summary">
      <ul className="cal-stats" aria-label="Summary">
        <li>
          <strong>{all.length}</strong> appointments
        </li>
        <li>
          <strong>{count("booked")}</strong> to come
        </li>
        <li>
          <strong>{count("arrived")}</strong> arrived
        </li>
        <li>
          <strong>{count("completed")}</strong> completed
        </li>
        <li>
          <strong>{count("no-show")}</strong> no-shows
        </li>
        <li>
          <strong>{intakeDone}</strong> intakes done
        </li>
      </ul>
      {calls.length ? (
        <div className="cal-calls">
          <span className="flag-call">Call</span>
          <span>{calls.length === 1 ? "1 patient needs" : `${calls.length} patients need`} a call:</span>
          {calls.map((a) => (
            <button key={a.id} type="button" className="link-button" onClick={() => onOpen([a])}>
              {a.patient.name} ({board.kind !== "day" ? `${shortDate(a.start.slice(0, 10))} ` : ""}
              {clock(minutesOf(a.start))})
            </button>
          ))}
        </div>
      ) : null}
      {moves.length ? (
        <div className="cal-calls cal-moves">
          <span className="flag-move">Move</span>
          <span>{moves.length === 1 ? "1 appointment needs" : `${moves.length} appointments need`} moving:</span>
          {moves.map((a) => (
            <button key={a.id} type="button" className="link-button" onClick={() => onOpen([a])}>
              {a.patient.name} ({board.kind !== "day" ? `${shortDate(a.start.slice(0, 10))} ` : ""}
              {clock(minutesOf(a.start))})
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function CancelledList({ board }: { board: Board }) {
  if (board.cancelled.length === 0) return null;
  return (
    <details className="cal-cancelled">
      <summary>
        {board.cancelled.length} cancelled {board.kind === "day" ? "today" : "this week"}
      </summary>
      <ul>
        {board.cancelled.map((a) => (
          <li key={a.id}>
            <span className="cal-cancelled__time">
              {board.kind !== "day" ? `${shortDate(a.start.slice(0, 10))} ` : ""}
              {clock(minutesOf(a.start))}
            </span>
            <a href={`/patients/${a.patient.id}`}>{a.patient.name}</a>
            <span className="muted">
              {a.serviceName} · {a.practitionerName} · {a.cancelReason ?? "No reason given"}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
