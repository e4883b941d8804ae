"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import {
  staffPatientDetailsSchema,
  type StaffPatientDetails,
  type StaffPatientDetailsForm,
} from "@/lib/scheduling/schemas";
import { staffBookingSchema } from "@/lib/staff/reception-schemas";
import type { BoardPractitioner, BoardService, PatientSummaryDto } from "@/lib/staff/reception-types";
import { fieldErrors } from "@/lib/errors";
import { ApiError } from "@/lib/http/api-fetch";
import { clock, longDate, minutesOf } from "./calendar-time";
import { DialogActions, Modal } from "./modal";
import { PatientPicker, type PatientMode } from "./patient-picker";
import { SlotList, type SlotChoice } from "./slot-list";
import { messageOf, staffFetch } from "./staff-api";

export interface BookDraft {
  location: string;
  locationName: string;
  date: string;
  practitioner: string;
  minutes: number | null;
  patient: PatientSummaryDto | null;
}

interface Props {
  draft: BookDraft;
  today: string;
  services: BoardService[];
  practitioners: BoardPractitioner[];
  onClose: () => void;
  onBooked: (message: string, date: string) => void;
}

/** A phone booking: patient, service, practitioner, day and a free time (minimum notice waived for staff). */
export function BookDialog({ draft, today, services, practitioners, onClose, onBooked }: Props) {
  const chosenDiscipline = practitioners.find((p) => p.slug === draft.practitioner)?.discipline;
  const fits = services.filter((s) => s.capacity === 1 && (!chosenDiscipline || s.discipline === chosenDiscipline));
  // most phone bookings are new patients: start on the initial assessment
  const firstService = fits.find((s) => s.slug.endsWith("-initial")) ?? fits[0] ?? services[0];
  const [service, setService] = useState(firstService?.slug ?? "");
  const [practitioner, setPractitioner] = useState(draft.practitioner);
  const [date, setDate] = useState(draft.date);
  const [slot, setSlot] = useState<SlotChoice | null>(null);
  const [notes, setNotes] = useState("");
  const [mode, setMode] = useState<PatientMode>("find");
  const [patient, setPatient] = useState<PatientSummaryDto | null>(draft.patient);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const details = useForm<StaffPatientDetailsForm, unknown, StaffPatientDetails>({
    resolver: zodResolver(staffPatientDetailsSchema),
    defaultValues: { firstName: "", lastName: "", email: "", phone: "", dateOfBirth: "" },
  });

  // a patient without email gets no confirmation or reminders: reception says the time on the phone
  const typedEmail = useWatch({ control: details.control, name: "email" });
  const noEmail = mode === "new" ? !typedEmail?.trim() : !!patient && !patient.email;

  const svc = services.find((s) => s.slug === service);
  const eligible = practitioners.filter((p) => !svc || p.discipline === svc.discipline);
  const names = new Map(practitioners.map((p) => [p.slug, p.name]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const detailsOk = mode === "new" ? await details.trigger() : true;
    const body = {
      service,
      location: draft.location,
      practitioner: slot?.practitioner,
      start: slot?.start ?? "",
      patientId: mode === "find" ? patient?.id : undefined,
      patient: mode === "new" ? details.getValues() : undefined,
      notes: notes.trim() || undefined,
    };
    const parsed = staffBookingSchema.safeParse(body);
    const found = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (!slot) found.start = "Choose a free time";
    setErrors(found);
    if (!detailsOk || Object.keys(found).length > 0) return setFormError("Check the highlighted details.");
    setBusy(true);
    try {
      await staffFetch("/api/v1/staff/appointments", { method: "POST", body: parsed.data });
      const who = mode === "find" ? patient!.name : `${body.patient!.firstName} ${body.patient!.lastName}`;
      onBooked(
        `Booked ${who} with ${names.get(slot!.practitioner)} at ${clock(minutesOf(slot!.start))}, ${longDate(date)}.`,
        date,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setReload((r) => r + 1);
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fields)) {
          const name = path.replace(/^patient\./, "") as keyof StaffPatientDetailsForm;
          if (path.startsWith("patient.")) details.setError(name, { message });
        }
        setErrors(error.fields);
      }
      setFormError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="New booking"
      description={`${draft.locationName} · phone booking (minimum notice waived)`}
      onClose={onClose}
      wide
    >
      <form onSubmit={submit} noValidate className="dialog-form">
        <PatientPicker
          mode={mode}
          onMode={(m) => {
            setMode(m);
            setErrors({});
          }}
          selected={patient}
          onSelect={setPatient}
          form={details}
          error={errors.patient ?? errors.patientId}
        />
        <fieldset className="form-grid form-grid--3">
          <legend>Appointment</legend>
          <div className="field field--compact">
            <label htmlFor="book-service">Service</label>
            <select
              id="book-service"
              className="select"
              value={service}
              onChange={(e) => {
                setService(e.target.value);
                setSlot(null);
              }}
            >
              {services.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </select>
          </div>
          <div className="field field--compact">
            <label htmlFor="book-practitioner">Practitioner</label>
            <select
              id="book-practitioner"
              className="select"
              value={eligible.some((p) => p.slug === practitioner) ? practitioner : ""}
              onChange={(e) => {
                setPractitioner(e.target.value);
                setSlot(null);
              }}
            >
              <option value="">Anyone available</option>
              {eligible.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--compact">
            <label htmlFor="book-date">Date</label>
            <input
              id="book-date"
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
        </fieldset>
        <SlotList
          location={draft.location}
          service={service}
          date={date}
          practitioner={eligible.some((p) => p.slug === practitioner) ? practitioner : ""}
          names={names}
          value={slot}
          onChange={setSlot}
          reload={reload}
          preferMinutes={draft.minutes}
          error={errors.start}
        />
        <div className="field field--compact">
          <label htmlFor="book-notes">
            Notes for the practitioner <span className="muted">(optional)</span>
          </label>
          <textarea
            id="book-notes"
            className="textarea"
            rows={2}
            maxLength={1000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
        {noEmail ? (
          <p className="book-no-email" role="status">
            <strong>No confirmation email will be sent</strong>: this patient has no email address. Tell them the time
            and place on the phone.
          </p>
        ) : null}
        <DialogActions error={formError}>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Booking…" : "Book appointment"}
          </button>
        </DialogActions>
      </form>
    </Modal>
  );
}
