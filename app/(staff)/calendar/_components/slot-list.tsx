"use client";

import { useEffect, useState } from "react";
import type { StaffSlot } from "@/lib/staff/reception-types";
import { clock, minutesOf } from "./calendar-time";
import { messageOf, staffFetch } from "./staff-api";

export interface SlotChoice {
  start: string;
  practitioner: string;
}

interface Props {
  location: string;
  service: string;
  date: string;
  practitioner: string;
  exclude?: string;
  names: Map<string, string>;
  value: SlotChoice | null;
  onChange: (choice: SlotChoice) => void;
  /** Bump to fetch again, e.g. after a time was just taken. */
  reload: number;
  /** Minutes after midnight to scroll into view and suggest (a click on the grid). */
  preferMinutes?: number | null;
  error?: string;
}

/** Free times for reception (notice waived), as radio buttons grouped by practitioner. */
export function SlotList({
  location,
  service,
  date,
  practitioner,
  exclude,
  names,
  value,
  onChange,
  reload,
  preferMinutes,
  error,
}: Props) {
  const [state, setState] = useState<{ key: string; slots: StaffSlot[] | null; error: string | null }>({
    key: "",
    slots: null,
    error: null,
  });
  const key = `${location}|${service}|${date}|${practitioner}|${exclude ?? ""}|${reload}`;

  useEffect(() => {
    if (!service || !date) return;
    const ctrl = new AbortController();
    const qs = new URLSearchParams({ location, service, date });
    if (practitioner) qs.set("practitioner", practitioner);
    if (exclude) qs.set("exclude", exclude);
    staffFetch<{ slots: StaffSlot[] }>(`/api/v1/staff/availability?${qs}`, { signal: ctrl.signal })
      .then((r) => setState({ key, slots: r.slots, error: null }))
      .catch((e: unknown) => {
        if ((e as Error).name !== "AbortError") setState({ key, slots: [], error: messageOf(e) });
      });
    return () => ctrl.abort();
  }, [key, location, service, date, practitioner, exclude]);

  const loading = state.key !== key;
  const byPractitioner = new Map<string, StaffSlot[]>();
  for (const s of state.slots ?? [])
    byPractitioner.set(s.practitioner, [...(byPractitioner.get(s.practitioner) ?? []), s]);

  return (
    <fieldset className="slot-field" aria-describedby={error ? "slot-error" : undefined} aria-busy={loading}>
      <legend>Time</legend>
      {error ? (
        <p id="slot-error" className="field-error">
          {error}
        </p>
      ) : null}
      {loading ? <p className="muted slot-status">Finding free times…</p> : null}
      {!loading && state.error ? <p className="field-error">{state.error}</p> : null}
      {!loading && !state.error && byPractitioner.size === 0 ? (
        <p className="muted slot-status">No free times on this day. Try another day or practitioner.</p>
      ) : null}
      {!loading
        ? [...byPractitioner].map(([slug, slots]) => (
            <div
              key={slug}
              className="slot-group"
              role="radiogroup"
              aria-label={`Times with ${names.get(slug) ?? slug}`}
            >
              {byPractitioner.size > 1 || !practitioner ? (
                <p className="slot-group__name">{names.get(slug) ?? slug}</p>
              ) : null}
              <div className="slot-chips">
                {slots.map((s) => {
                  const m = minutesOf(s.start);
                  const checked = value?.start === s.start && value.practitioner === s.practitioner;
                  return (
                    <label
                      key={s.start}
                      className={`slot-chip${checked ? " slot-chip--checked" : ""}${preferMinutes === m ? " slot-chip--preferred" : ""}`}
                    >
                      <input
                        type="radio"
                        name="slot"
                        value={`${s.practitioner}|${s.start}`}
                        checked={checked}
                        onChange={() => onChange({ start: s.start, practitioner: s.practitioner })}
                      />
                      {clock(m)}
                      {s.remaining > 1 ? <span className="slot-chip__left"> · {s.remaining} left</span> : null}
                    </label>
                  );
                })}
              </div>
            </div>
          ))
        : null}
    </fieldset>
  );
}
