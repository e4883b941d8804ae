"use client";

import { useEffect, useRef, useState } from "react";
import type { BoardAppointment, BoardColumn } from "@/lib/staff/reception-types";
import { AppointmentCard } from "./appointment-card";
import { clock, hourLabel, minutesOf } from "./calendar-time";

/** Pixels per minute: a 30-minute visit is 54px tall, enough for name, service and status. */
const PPM = 1.8;

/** The hours to draw: everyone's roster and appointments, rounded out to whole hours. */
export function gridRange(columns: BoardColumn[]): { start: number; end: number } {
  const starts = columns.flatMap((c) => [
    ...c.working.map((w) => w.start),
    ...c.appointments.map((a) => minutesOf(a.start)),
  ]);
  const ends = columns.flatMap((c) => [
    ...c.working.map((w) => w.end),
    ...c.appointments.map((a) => minutesOf(a.end) || 1440),
  ]);
  let start = starts.length ? Math.floor(Math.min(...starts) / 60) * 60 : 8 * 60;
  let end = ends.length ? Math.ceil(Math.max(...ends) / 60) * 60 : 18 * 60;
  if (end - start < 8 * 60) end = Math.min(24 * 60, start + 8 * 60);
  if (end - start < 8 * 60) start = end - 8 * 60;
  return { start, end };
}

/** Cards by class (one card per class occurrence) or by visit. */
export function groups(list: BoardAppointment[]): BoardAppointment[][] {
  const byClass = new Map<string, BoardAppointment[]>();
  const out: BoardAppointment[][] = [];
  for (const a of list) {
    if (!a.classId) out.push([a]);
    else if (byClass.has(a.classId)) byClass.get(a.classId)!.push(a);
    else {
      const g = [a];
      byClass.set(a.classId, g);
      out.push(g);
    }
  }
  return out;
}

function useNowMinutes(timezone: string): { date: string; minutes: number } | null {
  const [now, setNow] = useState<{ date: string; minutes: number } | null>(null);
  useEffect(() => {
    const f = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const read = () => {
      const p = Object.fromEntries(f.formatToParts(new Date()).map((x) => [x.type, x.value]));
      setNow({ date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) });
    };
    read();
    const id = setInterval(read, 60_000);
    return () => clearInterval(id);
  }, [timezone]);
  return now;
}

interface GridProps {
  columns: BoardColumn[];
  timezone: string;
  busy: boolean;
  onOpen: (group: BoardAppointment[]) => void;
  onBook: (column: BoardColumn, minutes: number | null) => void;
  headerFor: (column: BoardColumn) => React.ReactNode;
  label: string;
}

export function CalendarGrid({ columns, timezone, busy, onOpen, onBook, headerFor, label }: GridProps) {
  const range = gridRange(columns);
  const height = (range.end - range.start) * PPM;
  const now = useNowMinutes(timezone);
  const scroller = useRef<HTMLDivElement>(null);
  const y = (m: number) => (m - range.start) * PPM;
  const hours: number[] = [];
  for (let m = range.start; m < range.end; m += 60) hours.push(m);

  // Open on the day's first appointment, or its opening hour when nothing is booked: never at the current time,
  // which late in the day would hide the morning's patients above the fold.
  const firstKey = columns.map((c) => c.key).join("|");
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = Math.min(...columns.flatMap((c) => c.appointments.map((a) => minutesOf(a.start))), 24 * 60);
    el.scrollTop = Math.max(0, y(first < 24 * 60 ? first - 30 : range.start));
    // only when the set of columns changes, not on every refresh
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstKey]);

  return (
    <div className="cal-scroll" ref={scroller} aria-busy={busy} role="region" aria-label={label} tabIndex={0}>
      <div className="cal-grid" style={{ gridTemplateColumns: `4rem repeat(${columns.length}, minmax(11rem, 1fr))` }}>
        <div className="cal-corner" aria-hidden="true" />
        {columns.map((c) => (
          <div key={c.key} className="cal-head">
            {headerFor(c)}
          </div>
        ))}
        <div className="cal-axis" style={{ height }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} className="cal-axis__hour" style={{ top: y(m) }}>
              {hourLabel(m)}
            </span>
          ))}
        </div>
        {columns.map((c) => (
          <div
            key={c.key}
            className={`cal-col${c.closed ? " cal-col--closed" : ""}`}
            style={{ height, backgroundSize: `100% ${60 * PPM}px` }}
            onClick={(e) => {
              if (e.target !== e.currentTarget && !(e.target as HTMLElement).classList.contains("cal-band")) return;
              const m = (e.clientY - e.currentTarget.getBoundingClientRect().top) / PPM + range.start;
              onBook(c, Math.floor(m / 15) * 15);
            }}
          >
            {c.working.map((w, i) => (
              <div
                key={`w${i}`}
                className={`cal-band cal-band--work${w.label ? " cal-band--dedicated" : ""}`}
                style={{ top: y(w.start), height: (w.end - w.start) * PPM, backgroundPosition: `0 ${-y(w.start)}px` }}
              >
                {w.label ? <span className="cal-band__label">{w.label}</span> : null}
              </div>
            ))}
            {c.breaks.map((b, i) => (
              <div
                key={`b${i}`}
                className="cal-band cal-band--break"
                style={{ top: y(b.start), height: (b.end - b.start) * PPM }}
              >
                <span className="cal-band__label">
                  {b.label ?? "Break"} {clock(b.start)}–{clock(b.end)}
                </span>
              </div>
            ))}
            {c.away.map((b, i) => (
              <div
                key={`a${i}`}
                className="cal-band cal-band--away"
                style={{
                  top: y(Math.max(b.start, range.start)),
                  height: (Math.min(b.end, range.end) - Math.max(b.start, range.start)) * PPM,
                }}
              >
                <span className="cal-band__label">{b.label ?? "Away"}</span>
              </div>
            ))}
            {c.closed ? <div className="cal-closed">Closed: {c.closed}</div> : null}
            {groups(c.appointments).map((g) => {
              const s = minutesOf(g[0]!.start);
              const e = minutesOf(g[0]!.end) || 1440;
              return (
                <AppointmentCard
                  key={g[0]!.id}
                  group={g}
                  top={y(s) + 1}
                  height={Math.max((e - s) * PPM - 2, 22)}
                  onOpen={onOpen}
                />
              );
            })}
            {now && now.date === c.date && now.minutes >= range.start && now.minutes <= range.end ? (
              <div className="cal-now" style={{ top: y(now.minutes) }} aria-hidden="true" />
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
