"use client";

import type { StaffAppointmentDto } from "@/lib/staff/reception-types";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-AU", {
    timeZone: "Australia/Sydney",
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  });

/** The booked appointments a change would leave outside working time (they stay booked, flagged "needs moving"). */
export function ClashList({ clashes, title }: { clashes: StaffAppointmentDto[]; title: string }) {
  if (clashes.length === 0) return <p className="alert alert--ok">No booked appointments fall outside working time.</p>;
  return (
    <section className="alert alert--warn" aria-label={title}>
      <h3 className="wt-subhead">
        {clashes.length === 1 ? "1 booked appointment" : `${clashes.length} booked appointments`} would be left outside
        working time
      </h3>
      <p>They are not cancelled: reception sees them flagged “needs moving” until each is moved or cancelled.</p>
      <ul className="wt-clashes">
        {clashes.map((c) => (
          <li key={c.id}>
            <strong>{when(c.start)}</strong> · {c.patient.name} · {c.service} with {c.practitioner} at {c.location}
          </li>
        ))}
      </ul>
    </section>
  );
}
