"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { AddToCalendar } from "../../../_components/add-to-calendar";
import { cancellationPolicyText } from "@/lib/scheduling/cancellation-policy";
import { BookedNext } from "./booked-next";
import type { BookingView } from "@/lib/scheduling/get-booking-by-token";
import { whenText, zonePlan } from "../../../_components/time-format";
import { useViewerZone } from "../../../_components/use-viewer-zone";
import { LoadingBlock } from "../../../_components/loading-block";

// The panels (and the time picker inside "move") load when the patient reaches for them, not with the page.
const loadMove = () => import("./move-panel");
const loadCancel = () => import("./cancel-panel");
const MovePanel = dynamic(() => loadMove().then((m) => m.MovePanel), {
  loading: () => <LoadingBlock className="card step" />,
});
const CancelPanel = dynamic(() => loadCancel().then((m) => m.CancelPanel), {
  loading: () => <LoadingBlock className="card step" />,
});

/** Starts fetching a panel's code as soon as the pointer or focus reaches its button. */
const preload = (load: () => Promise<unknown>) => ({
  onPointerEnter: () => void load(),
  onFocus: () => void load(),
  onTouchStart: () => void load(),
});

const STATUS_LABEL: Record<BookingView["status"], string> = {
  booked: "Booked",
  arrived: "Checked in",
  completed: "Completed",
  "no-show": "Missed",
  cancelled: "Cancelled",
};

interface Props {
  booking: BookingView;
  token: string;
  past: boolean;
  /** Arrived from the booking flow: the page is also the confirmation. */
  justBooked: boolean;
  clinicPhone: string;
}

export function ManageBooking({ booking, token, past, justBooked, clinicPhone }: Props) {
  const viewerZone = useViewerZone();
  const plan = zonePlan(booking.location, viewerZone);
  const [panel, setPanel] = useState<"none" | "move" | "cancel">("none");
  const [notice, setNotice] = useState<{ kind: "ok" | "warn"; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const phone = booking.location.phone ?? clinicPhone;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Arriving from the booking flow, the confirmation is news: take focus as a new step would.
    if (justBooked) titleRef.current?.focus();
  }, [justBooked]);
  const active = booking.status === "booked";
  const locked = active && !past && !booking.canCancel && !booking.canReschedule;

  const done = (text: string, kind: "ok" | "warn" = "ok") => {
    setPanel("none");
    setNotice({ kind, text });
  };

  return (
    <div className="book">
      <section className="container book__inner book__inner--narrow" aria-labelledby="manage-title">
        <header className="book__header">
          <p className="eyebrow eyebrow--dark">{justBooked ? "Booking confirmed" : "Manage your booking"}</p>
          <h1 id="manage-title" ref={titleRef} tabIndex={-1}>
            {booking.status === "cancelled"
              ? "Appointment cancelled"
              : justBooked
                ? `You're booked, ${booking.patient.firstName}`
                : `Your appointment, ${booking.patient.firstName}`}
          </h1>
          {justBooked && booking.status === "booked" ? (
            <p className="done__lead">
              We&apos;ve emailed you the details with a link back to this page. Keep that email: its link lets you
              manage your appointment.
            </p>
          ) : null}
        </header>

        {notice ? (
          <div ref={noticeRef} tabIndex={-1} role="status" className={`alert alert--${notice.kind} manage__notice`}>
            {notice.text}
          </div>
        ) : null}

        <section className="card step" aria-labelledby="appt-title">
          <div className="manage__head">
            <h2 id="appt-title" className="step__title">
              {booking.service.name}
            </h2>
            <span className={`status status--${booking.status}`}>{STATUS_LABEL[booking.status]}</span>
          </div>
          <dl className="facts">
            <div className="facts__row">
              <dt>When</dt>
              <dd data-testid="booking-when">
                {whenText(booking.start, plan)}
                <br />
                <span className="muted">{booking.service.durationMinutes} minutes</span>
              </dd>
            </div>
            <div className="facts__row">
              <dt>Where</dt>
              <dd>
                {booking.location.name}
                <br />
                <span className="muted">
                  {booking.location.online
                    ? "By video: the link is in your confirmation email"
                    : booking.location.address}
                </span>
              </dd>
            </div>
            <div className="facts__row">
              <dt>With</dt>
              <dd>{booking.practitioner.name}</dd>
            </div>
            <div className="facts__row">
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`}>{phone}</a>
              </dd>
            </div>
          </dl>

          {active && !past ? (
            <div className="manage__actions">
              {booking.canReschedule ? (
                <button
                  type="button"
                  className="button"
                  aria-expanded={panel === "move"}
                  onClick={() => setPanel(panel === "move" ? "none" : "move")}
                  {...preload(loadMove)}
                >
                  Move to another time
                </button>
              ) : null}
              {booking.canCancel ? (
                <button
                  type="button"
                  className="button button--ghost button--danger-text"
                  aria-expanded={panel === "cancel"}
                  onClick={() => setPanel(panel === "cancel" ? "none" : "cancel")}
                  {...preload(loadCancel)}
                >
                  Cancel appointment
                </button>
              ) : null}
              <AddToCalendar bookingId={booking.id} token={token} />
            </div>
          ) : null}

          {active && !past && !locked ? (
            <p className="step__fine" data-testid="cancellation-policy">
              {cancellationPolicyText({ windowHours: booking.cancellationWindowHours, phone, changeable: true })}
            </p>
          ) : null}
          {locked ? (
            <div className="alert alert--warn">
              <strong>This appointment can&apos;t be changed online any more.</strong> Changes need at least{" "}
              {booking.cancellationWindowHours} hours&apos; notice. To cancel or move it, please call{" "}
              {booking.location.name} on <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`}>{phone}</a>.
            </div>
          ) : null}
          {booking.status === "cancelled" ? (
            <p>
              This appointment is cancelled and the time has been freed for someone else.{" "}
              <Link href="/book">Book a new appointment</Link>.
            </p>
          ) : null}
          {!active && booking.status !== "cancelled" ? <p className="muted">This appointment has passed.</p> : null}
        </section>

        {justBooked && booking.status === "booked" ? <BookedNext bookingId={booking.id} /> : null}
        {panel === "move" ? (
          <MovePanel
            booking={booking}
            token={token}
            plan={plan}
            phone={phone}
            onDone={done}
            onClose={() => setPanel("none")}
          />
        ) : null}
        {panel === "cancel" ? (
          <CancelPanel booking={booking} token={token} phone={phone} onDone={done} onClose={() => setPanel("none")} />
        ) : null}
      </section>
    </div>
  );
}
