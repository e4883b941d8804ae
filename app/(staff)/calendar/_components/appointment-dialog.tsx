"use client";

import Link from "next/link";
import { useState } from "react";
import type { StatusChange } from "@/lib/staff/reception-schemas";
import type { BoardAppointment } from "@/lib/staff/reception-types";
import { INTAKE_LABEL, ROUTE_LABEL, SOURCE_LABEL, STATUS_LABEL } from "./calendar-labels";
import { longDate, timeRange } from "./calendar-time";
import { DialogActions, Modal } from "./modal";
import { messageOf, staffFetch } from "./staff-api";

interface Props {
  group: BoardAppointment[];
  today: string;
  onClose: () => void;
  onChanged: (message: string) => void;
  onMove: (a: BoardAppointment) => void;
  onCancel: (a: BoardAppointment) => void;
}

const DONE: Record<StatusChange, string> = {
  arrived: "checked in",
  "no-show": "marked as a no-show",
  completed: "marked completed",
};

/** An appointment's details and what the desk can do with it; a class lists each attendee. */
export function AppointmentDialog({ group, today, onClose, onChanged, onMove, onCancel }: Props) {
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const a = group[index] ?? group[0]!;
  const onTheDay = a.start.slice(0, 10) <= today;

  const act = async (url: string, body: unknown, message: string) => {
    setError(null);
    setBusy(true);
    try {
      await staffFetch(url, { method: "POST", body });
      onChanged(message);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };
  const setStatus = (status: StatusChange) =>
    act(`/api/v1/staff/appointments/${a.id}/status`, { status }, `${a.patient.name} ${DONE[status]}.`);

  return (
    <Modal
      title={group.length > 1 ? `${a.serviceName} · ${group.length} booked` : a.patient.name}
      description={`${longDate(a.start.slice(0, 10))}, ${timeRange(a.start, a.end)}`}
      onClose={onClose}
    >
      {group.length > 1 ? (
        <div className="attendees" role="group" aria-label="Attendees">
          {group.map((g, i) => (
            <button
              key={g.id}
              type="button"
              aria-pressed={i === index}
              onClick={() => {
                setIndex(i);
                setError(null);
              }}
            >
              {g.patient.name} <span className={`status status--${g.status}`}>{STATUS_LABEL[g.status]}</span>
            </button>
          ))}
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Patient</dt>
          <dd>
            <Link href={`/patients/${a.patient.id}`}>{a.patient.name}</Link>
          </dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${a.patientPhone.replace(/[^+\d]/g, "")}`}>{a.patientPhone}</a>
          </dd>
        </div>
        <div>
          <dt>Service</dt>
          <dd>{a.serviceName}</dd>
        </div>
        <div>
          <dt>With</dt>
          <dd>
            {a.practitionerName} · {a.locationName}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`status status--${a.status}`}>{STATUS_LABEL[a.status]}</span>
          </dd>
        </div>
        <div>
          <dt>Booked</dt>
          <dd>{SOURCE_LABEL[a.source] ?? a.source}</dd>
        </div>
        <div>
          <dt>Intake</dt>
          <dd>
            {INTAKE_LABEL[a.intake.status]}
            {a.intake.route ? ` · suggests ${ROUTE_LABEL[a.intake.route] ?? a.intake.route}` : ""}
          </dd>
        </div>
        {a.notes ? (
          <div>
            <dt>Notes</dt>
            <dd>{a.notes}</dd>
          </div>
        ) : null}
        {a.cancelReason ? (
          <div>
            <dt>Reason</dt>
            <dd>{a.cancelReason}</dd>
          </div>
        ) : null}
      </dl>
      {a.intake.needsCall ? (
        <div className="alert alert--warn call-box">
          <p>
            <strong>Needs a call.</strong> The intake answers asked for a call before this visit. Ring the patient, then
            mark it done.
          </p>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => act(`/api/v1/staff/appointments/${a.id}/called`, {}, `Call to ${a.patient.name} recorded.`)}
          >
            Mark called
          </button>
        </div>
      ) : null}
      <DialogActions error={error} wrap>
        {a.status === "booked" && onTheDay ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => setStatus("arrived")}>
              Mark arrived
            </button>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => setStatus("no-show")}>
              No-show
            </button>
          </>
        ) : null}
        {a.status === "arrived" ? (
          <button type="button" className="button" disabled={busy} onClick={() => setStatus("completed")}>
            Mark completed
          </button>
        ) : null}
        {a.status === "booked" ? (
          <>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => onMove(a)}>
              Move…
            </button>
            <button
              type="button"
              className="button button--ghost button--danger-text"
              disabled={busy}
              onClick={() => onCancel(a)}
            >
              Cancel…
            </button>
          </>
        ) : null}
      </DialogActions>
    </Modal>
  );
}
