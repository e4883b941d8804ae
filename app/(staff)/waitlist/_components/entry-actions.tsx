"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";
import { timeOf } from "../../_clinical/format";

interface Props {
  entry: { id: string; urgent: boolean; status: string; earliest: string; name: string };
  location: string;
  service: string;
  practitioner: string | null;
  zone: string;
  /** Practitioners' names by slug, for the times offered by hand. */
  names: Record<string, string>;
}
type Slot = { start: string; practitioner: string };

/** Mark urgent, and offer a free time by hand: pick a day, then one of its free times. */
export function EntryActions({ entry, location, service, practitioner, zone, names }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [day, setDay] = useState(entry.earliest);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const errorId = `wl-error-${entry.id}`;

  const run = async (action: () => Promise<unknown>, after: "refresh" | "keep" = "refresh") => {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (after === "keep") return;
      setSlots(null);
      router.refresh();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const findTimes = () =>
    run(async () => {
      const qs = new URLSearchParams({
        location,
        service,
        from: day,
        to: day,
        ...(practitioner ? { practitioner } : {}),
      });
      const r = await staffFetch<{ slots: Slot[] }>(`/api/v1/availability?${qs}`);
      setSlots(r.slots);
    }, "keep");

  return (
    <div className="dialog-form" style={{ gap: 8 }}>
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={busy}
        onClick={() =>
          run(() =>
            staffFetch(`/api/v1/staff/waitlist/${entry.id}/urgent`, {
              method: "POST",
              body: { urgent: !entry.urgent },
            }),
          )
        }
        aria-label={`${entry.urgent ? "Not urgent" : "Mark urgent"}: ${entry.name}`}
      >
        {entry.urgent ? "Not urgent" : "Mark urgent"}
      </button>
      {entry.status === "waiting" ? (
        <div>
          <label htmlFor={`wl-day-${entry.id}`}>Offer a time on</label>
          <div style={{ display: "flex", gap: 4 }}>
            <input
              id={`wl-day-${entry.id}`}
              type="date"
              className="input input--compact"
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
            <button type="button" className="button button--small" disabled={busy || !day} onClick={findTimes}>
              Free times
            </button>
          </div>
          {slots ? (
            slots.length === 0 ? (
              <p className="muted">No free times that day.</p>
            ) : (
              <ul className="slot-chips" aria-label={`Free times to offer ${entry.name}`}>
                {slots.slice(0, 12).map((s) => (
                  <li key={`${s.start}|${s.practitioner}`}>
                    <button
                      type="button"
                      className="chip-button"
                      disabled={busy}
                      onClick={() =>
                        run(() =>
                          staffFetch(`/api/v1/staff/waitlist/${entry.id}/offer`, {
                            method: "POST",
                            body: { start: s.start, practitioner: s.practitioner },
                          }),
                        )
                      }
                    >
                      Offer {timeOf(s.start, zone)} ({names[s.practitioner] ?? s.practitioner})
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
