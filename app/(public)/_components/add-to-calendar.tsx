"use client";
import { useState } from "react";
import { CalendarIcon } from "./calendar-icon";
import { downloadCalendar } from "./public-api";

/**
 * Downloads the booking's calendar entry with the manage token in a header, never in a link: a link's address is what
 * a calendar app keeps (and may share with its provider), and the manage token can cancel the booking.
 */
export function AddToCalendar({ bookingId, token }: { bookingId: string; token: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          try {
            await downloadCalendar(bookingId, token);
          } catch (e) {
            setProblem((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <CalendarIcon /> Add to calendar
      </button>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
