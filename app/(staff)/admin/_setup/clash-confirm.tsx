"use client";

import type { StaffAppointmentDto } from "@/lib/staff/reception-types";

// the start carries the location's own offset, so its wall-clock date and time are read straight from it
const wallClock = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** The confirm step before deactivating something that has booked patients: who they are, and what happens to them. */
export function ClashConfirm({
  what,
  clashes,
  busy,
  onConfirm,
  onCancel,
}: {
  what: string;
  clashes: StaffAppointmentDto[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="alert alert--warn setup-confirm" role="alertdialog" aria-labelledby="clash-title">
      <h3 id="clash-title">
        {clashes.length} booked {clashes.length === 1 ? "patient" : "patients"} with {what}
      </h3>
      <p>
        Their appointments stay booked and show on reception&rsquo;s calendar as &ldquo;needs moving&rdquo; until each
        is moved or cancelled.
      </p>
      <ul className="setup-clashes">
        {clashes.map((c) => (
          <li key={c.id}>
            <time dateTime={c.start}>{wallClock(c.start)}</time> · {c.patient.name} · {c.service} at {c.location} with{" "}
            {c.practitioner}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy} autoFocus>
          {busy ? "Saving…" : "Deactivate anyway"}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Keep active
        </button>
      </div>
    </div>
  );
}
