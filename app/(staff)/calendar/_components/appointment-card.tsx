"use client";

import type { BoardAppointment } from "@/lib/staff/reception-types";
import { INTAKE_LABEL, shortService, STATUS_LABEL } from "./calendar-labels";
import { clock, minutesOf } from "./calendar-time";

/** One card on the grid: a visit, or a class with its attendees. Opens the appointment dialog. */
export function AppointmentCard({
  group,
  top,
  height,
  onOpen,
}: {
  group: BoardAppointment[];
  top: number;
  height: number;
  onOpen: (g: BoardAppointment[]) => void;
}) {
  const first = group[0]!;
  const isClass = group.length > 1 || first.classId !== null;
  const needsCall = group.some((a) => a.intake.needsCall);
  const needsMoving = group.some((a) => a.needsMoving);
  const compact = height < 38;
  const status = isClass ? (group.every((a) => a.status === group[0]!.status) ? first.status : "booked") : first.status;
  return (
    <button
      type="button"
      className={`appt appt--${status}${compact ? " appt--compact" : ""}${needsCall ? " appt--call" : ""}${needsMoving ? " appt--move" : ""}`}
      style={{ top, height }}
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
      {!compact ? (
        <span className="appt__meta">
          <span>
            {isClass
              ? group.map((a) => a.patient.name.split(" ")[0]).join(", ")
              : shortService(first.service, first.serviceName)}
          </span>
          {!isClass ? <IntakeDot state={first.intake.status} /> : null}
          {status !== "booked" ? (
            <span className={`status status--${status}`} aria-hidden="true">
              {STATUS_LABEL[status]}
            </span>
          ) : null}
        </span>
      ) : null}
      <span className="visually-hidden">
        , {STATUS_LABEL[status]}
        {!isClass ? `, ${INTAKE_LABEL[first.intake.status]}` : ""}
        {needsCall ? ", needs a call" : ""}
        {needsMoving ? ", needs moving" : ""}
      </span>
    </button>
  );
}

export function IntakeDot({ state }: { state: BoardAppointment["intake"]["status"] }) {
  return <span className={`intake-dot intake-dot--${state}`} title={INTAKE_LABEL[state]} aria-hidden="true" />;
}
