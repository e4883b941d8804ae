"use client";

import { useState } from "react";
import type { BoardAppointment, BoardPractitioner } from "@/lib/staff/reception-types";
import { ApiError } from "@/lib/http/api-fetch";
import { clock, longDate, minutesOf, whenLabel } from "./calendar-time";
import { DialogActions, Modal } from "./modal";
import { SlotList, type SlotChoice } from "./slot-list";
import { messageOf, staffFetch } from "./staff-api";

interface Props {
  appointment: BoardAppointment;
  today: string;
  practitioners: BoardPractitioner[];
  onClose: () => void;
  onMoved: (message: string, date: string) => void;
}

/** Move a booking to another free time, with the same or another practitioner of that discipline. */
export function MoveDialog({ appointment: a, today, practitioners, onClose, onMoved }: Props) {
  const discipline = practitioners.find((p) => p.slug === a.practitioner)?.discipline;
  const eligible = practitioners.filter((p) => !discipline || p.discipline === discipline);
  const [practitioner, setPractitioner] = useState(a.practitioner);
  const [date, setDate] = useState(a.start.slice(0, 10) < today ? today : a.start.slice(0, 10));
  const [slot, setSlot] = useState<SlotChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [slotError, setSlotError] = useState<string | undefined>();
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const names = new Map(practitioners.map((p) => [p.slug, p.name]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!slot) return setSlotError("Choose a free time");
    setSlotError(undefined);
    setBusy(true);
    try {
      await staffFetch(`/api/v1/staff/appointments/${a.id}/move`, {
        method: "POST",
        body: { start: slot.start, practitioner: slot.practitioner },
      });
      onMoved(
        `Moved ${a.patient.name} to ${clock(minutesOf(slot.start))}, ${longDate(date)} with ${names.get(slot.practitioner)}.`,
        date,
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setSlot(null);
        setReload((r) => r + 1);
      }
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`Move ${a.patient.name}`}
      description={`Now: ${whenLabel(a.start)} with ${a.practitionerName} · ${a.serviceName}`}
      onClose={onClose}
      wide
    >
      <form onSubmit={submit} noValidate className="dialog-form">
        <div className="form-grid">
          <div className="field field--compact">
            <label htmlFor="move-practitioner">Practitioner</label>
            <select
              id="move-practitioner"
              className="select"
              value={practitioner}
              onChange={(e) => {
                setPractitioner(e.target.value);
                setSlot(null);
              }}
              data-autofocus
            >
              {eligible.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--compact">
            <label htmlFor="move-date">Date</label>
            <input
              id="move-date"
              type="date"
              className="input"
              min={today}
              value={date}
              onChange={(e) => {
                if (e.target.value) {
                  setDate(e.target.value);
                  setSlot(null);
                }
              }}
            />
          </div>
        </div>
        <SlotList
          location={a.location}
          service={a.service}
          date={date}
          practitioner={practitioner}
          exclude={a.id}
          names={names}
          value={slot}
          onChange={setSlot}
          reload={reload}
          error={slotError}
        />
        <DialogActions error={error}>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Keep current time
          </button>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Moving…" : "Move appointment"}
          </button>
        </DialogActions>
      </form>
    </Modal>
  );
}
