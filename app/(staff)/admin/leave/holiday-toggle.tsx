"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { StaffAppointmentDto } from "@/lib/staff/reception-types";
import { adminFetch, ApiError } from "../_working-time/admin-fetch";
import { ClashList } from "../_working-time/clash-list";

/** "Open this day" on a public holiday: a toggle button; closing again lists the bookings left outside working time. */
export function HolidayToggle({
  location,
  date,
  name,
  open,
}: {
  location: string;
  date: string;
  name: string;
  open: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [clashes, setClashes] = useState<StaffAppointmentDto[] | null>(null);
  return (
    <span className="wt-actions">
      <span className={open ? "" : "muted"}>{open ? "Open" : "Closed"}</span>
      <button
        type="button"
        className={`button button--small${open ? "" : " button--ghost"}`}
        aria-pressed={open}
        disabled={busy}
        aria-label={`Open this day: ${name}, ${date}`}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          try {
            const res = await adminFetch<{ clashes: StaffAppointmentDto[] }>(
              `/api/v1/staff/admin/locations/${location}/open-days/${date}`,
              open ? "DELETE" : "PUT",
            );
            setClashes(open && res.clashes.length ? res.clashes : null);
            router.refresh();
          } catch (e) {
            setProblem(e instanceof ApiError ? e.message : "Something went wrong. Please try again.");
          } finally {
            setBusy(false);
          }
        }}
      >
        Open this day
      </button>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
      {clashes ? <ClashList clashes={clashes} title={`Appointments on ${name}`} /> : null}
    </span>
  );
}
