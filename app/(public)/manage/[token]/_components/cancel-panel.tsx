"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { BookingView } from "@/lib/scheduling/get-booking-by-token";
import { ApiError } from "@/lib/http/api-fetch";
import { callApi } from "../../../_components/public-api";

interface Props {
  booking: BookingView;
  token: string;
  phone: string;
  onDone: (message: string, kind?: "ok" | "warn") => void;
  onClose: () => void;
}

export function CancelPanel({ booking, token, phone, onDone, onClose }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await callApi(`/api/v1/bookings/${encodeURIComponent(booking.id)}/cancel`, {
        method: "POST",
        token,
        json: reason.trim() ? { reason: reason.trim() } : {},
      });
      router.refresh();
      onDone("Your appointment is cancelled. We've emailed you a confirmation.");
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      if (err?.code === "outside_booking_window")
        setError(
          err.message.includes(phone)
            ? err.message
            : `${err.message} Please call ${booking.location.name} on ${phone}.`,
        );
      else if (err?.code === "conflict") {
        router.refresh();
        onDone(err.message, "warn");
      } else setError(err?.message ?? "We couldn't cancel just now. Please try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card step manage__panel" aria-labelledby="cancel-title">
      <h2 id="cancel-title" ref={ref} tabIndex={-1} className="step__title">
        Cancel this appointment?
      </h2>
      <p>The time will be offered to someone else. You can book again at any time.</p>
      <div className="field">
        <label htmlFor="cancel-reason">Reason (optional)</label>
        <textarea
          id="cancel-reason"
          className="textarea"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error ? (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="step__actions">
        <button type="button" className="button button--danger" onClick={cancel} disabled={busy}>
          {busy ? "Cancelling…" : "Yes, cancel it"}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Keep my appointment
        </button>
      </div>
    </section>
  );
}
