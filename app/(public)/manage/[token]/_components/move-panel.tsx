"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { BookingView } from "@/lib/scheduling/get-booking-by-token";
import { ApiError } from "@/lib/http/api-fetch";
import { callApi, fetchPractitioners, type PractitionerOption, type Slot } from "../../../_components/public-api";
import { SlotPicker } from "../../../_components/slot-picker";
import { dateKey, whenText, type ZonePlan } from "../../../_components/time-format";

interface Props {
  booking: BookingView;
  token: string;
  plan: ZonePlan;
  phone: string;
  onDone: (message: string, kind?: "ok" | "warn") => void;
  onClose: () => void;
}

export function MovePanel({ booking, token, plan, phone, onDone, onClose }: Props) {
  const router = useRouter();
  const [anyone, setAnyone] = useState(false);
  const [picked, setPicked] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [team, setTeam] = useState<PractitionerOption[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (picked) confirmRef.current?.focus();
  }, [picked]);
  useEffect(() => {
    if (!anyone) return;
    const controller = new AbortController();
    fetchPractitioners(booking.location.slug, undefined, controller.signal)
      .then((r) => setTeam(r.practitioners))
      .catch(() => {});
    return () => controller.abort();
  }, [anyone, booking.location.slug]);

  const nameOf = (slug: string) =>
    slug === booking.practitioner.slug
      ? booking.practitioner.name
      : (team.find((p) => p.slug === slug)?.name ?? "another practitioner");

  const move = async () => {
    if (!picked) return;
    setBusy(true);
    setProblem(null);
    try {
      await callApi(`/api/v1/bookings/${encodeURIComponent(booking.id)}/reschedule`, {
        method: "POST",
        token,
        json: { start: picked.start, practitioner: picked.practitioner },
      });
      router.refresh();
      onDone(
        `Done: your appointment is now ${whenText(picked.start, plan)} with ${nameOf(picked.practitioner)}. We've emailed you the new time.`,
      );
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      if (err?.code === "slot_unavailable") {
        setProblem(
          `Sorry, that time has just been taken. Your appointment is still ${whenText(booking.start, plan)}. Please choose another time.`,
        );
        setPicked(null);
        setRound((r) => r + 1);
      } else if (err?.code === "outside_booking_window")
        setProblem(
          err.message.includes(phone)
            ? err.message
            : `${err.message} Please call ${booking.location.name} on ${phone}.`,
        );
      else setProblem(err?.message ?? "We couldn't move your appointment just now. Please try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card step manage__panel" aria-labelledby="move-title">
      <h2 id="move-title" ref={headingRef} tabIndex={-1} className="step__title">
        Choose a new time
      </h2>
      <p className="step__note">
        Your current time stays booked until you confirm a new one.{" "}
        {anyone
          ? "Showing every practitioner at " + booking.location.name + "."
          : `Showing times with ${booking.practitioner.name}.`}{" "}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setAnyone(!anyone);
            setPicked(null);
          }}
        >
          {anyone ? `Only ${booking.practitioner.name}` : "Any practitioner"}
        </button>
      </p>
      {problem ? (
        <div className="alert alert--warn" role="alert">
          {problem}
        </div>
      ) : null}
      <SlotPicker
        key={`${anyone}-${round}`}
        headingId="move-day-title"
        location={booking.location}
        service={booking.service.slug}
        practitioner={anyone ? null : booking.practitioner.slug}
        plan={plan}
        selectedStart={picked?.start}
        excludeStart={booking.start}
        startDate={dateKey(booking.start, plan.primary)}
        onPick={setPicked}
        emptyActions={
          anyone ? null : (
            <button type="button" className="button button--ghost button--small" onClick={() => setAnyone(true)}>
              See any practitioner
            </button>
          )
        }
      />
      {picked ? (
        <div className="move-confirm" ref={confirmRef} tabIndex={-1} aria-labelledby="move-confirm-text">
          <p id="move-confirm-text">
            Move to <strong>{whenText(picked.start, plan)}</strong> with {nameOf(picked.practitioner)}?
          </p>
          <div className="step__actions">
            <button type="button" className="button" onClick={move} disabled={busy}>
              {busy ? "Moving…" : "Move my appointment"}
            </button>
            <button type="button" className="button button--ghost" onClick={onClose}>
              Keep the current time
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
