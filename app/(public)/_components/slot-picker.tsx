"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "@/lib/http/api-fetch";
import { fetchAvailability, type Slot } from "./public-api";
import { DAY_PARTS, slotsByDay, slotsByPart } from "./slot-groups";
import {
  addDays,
  browserZone,
  dateKey,
  dayParts,
  longDate,
  sideTime,
  timeOf,
  zoneCity,
  zoneName,
  type ZonePlan,
} from "./time-format";
import { useViewerZone } from "./use-viewer-zone";
import { ZoneChoice } from "./zone-choice";

interface Props {
  location: { slug: string; timezone: string; online: boolean };
  service: string;
  /** null: any practitioner ("first available"). */
  practitioner: string | null;
  plan: ZonePlan;
  selectedStart?: string | null;
  /** A time not to offer (the booking's current time, when moving it). */
  excludeStart?: string | null;
  /** Open on the week holding this date (in the primary zone). */
  startDate?: string | null;
  onPick: (slot: Slot) => void;
  /** Extra ways out of an empty week, e.g. "any practitioner". */
  emptyActions?: React.ReactNode;
  headingId: string;
}

type Week = { status: "ready"; slots: Slot[] } | { status: "error"; message: string };

export function SlotPicker({
  location,
  service,
  practitioner,
  plan,
  selectedStart,
  excludeStart,
  startDate,
  onPick,
  emptyActions,
  headingId,
}: Props) {
  const viewerZone = useViewerZone();
  const today = useMemo(() => dateKey(new Date(), plan.primary), [plan.primary]);
  const todayAtClinic = useMemo(() => dateKey(new Date(), location.timezone), [location.timezone]);
  const [weekStart, setWeekStart] = useState(() => {
    if (!startDate || startDate <= today) return today;
    const weeks = Math.floor((Date.parse(startDate) - Date.parse(today)) / (7 * 86_400_000));
    return addDays(today, weeks * 7);
  });
  const [weeks, setWeeks] = useState<Record<string, Week>>({});
  const [chosenDay, setChosenDay] = useState<string | null>(startDate ?? null);
  const inflight = useRef(new Set<string>());

  const load = useCallback(
    (week: string) => {
      if (inflight.current.has(week)) return;
      inflight.current.add(week);
      // One day either side, in the clinic's dates, so a viewer in another zone sees whole days.
      const before = addDays(week, -1);
      const from = before < todayAtClinic ? todayAtClinic : before;
      fetchAvailability({
        location: location.slug,
        service,
        from,
        to: addDays(week, 7),
        practitioner: practitioner ?? undefined,
      })
        .then(
          (r) => ({ status: "ready", slots: r.slots }) as const,
          (e: unknown) =>
            ({
              status: "error",
              message: e instanceof ApiError ? e.message : "We couldn't load the free times.",
            }) as const,
        )
        .then((w) => setWeeks((all) => ({ ...all, [week]: w })))
        .finally(() => inflight.current.delete(week));
    },
    [location.slug, service, practitioner, todayAtClinic],
  );

  const current = weeks[weekStart];
  useEffect(() => {
    if (!current) load(weekStart);
    // Look one week ahead, so "Later" answers at once.
    else if (current.status === "ready" && !weeks[addDays(weekStart, 7)]) load(addDays(weekStart, 7));
  }, [current, weekStart, weeks, load]);

  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)), [weekStart]);
  const byDay = useMemo(() => {
    if (current?.status !== "ready") return new Map<string, Slot[]>();
    const exclude = excludeStart ? Date.parse(excludeStart) : NaN;
    return slotsByDay(
      current.slots.filter((s) => Date.parse(s.start) !== exclude),
      plan.primary,
    );
  }, [current, excludeStart, plan.primary]);
  const weekHasTimes = days.some((d) => (byDay.get(d)?.length ?? 0) > 0);
  const day =
    chosenDay && days.includes(chosenDay) && byDay.has(chosenDay)
      ? chosenDay
      : (days.find((d) => byDay.has(d)) ?? null);
  const daySlots = day ? (byDay.get(day) ?? []) : [];
  const parts = slotsByPart(daySlots, plan.primary);

  const goWeek = (delta: number) => {
    setWeekStart((w) => addDays(w, delta * 7));
    setChosenDay(null);
  };
  const retry = () => {
    setWeeks((all) => {
      const rest = { ...all };
      delete rest[weekStart];
      return rest;
    });
  };

  const first = dayParts(days[0]!);
  const last = dayParts(days[6]!);
  const range =
    first.month === last.month
      ? `${first.day} – ${last.day} ${last.month}`
      : `${first.day} ${first.month} – ${last.day} ${last.month}`;
  const sample = daySlots[0]?.start ?? new Date().toISOString();
  const loading = !current;

  return (
    <div className="slot-picker">
      <p className="slot-picker__zone">
        {plan.secondary ? (
          <>
            Times are in{" "}
            <strong>
              {plan.primary === browserZone() ? "your time zone" : `${zoneCity(plan.primary)} time`} (
              {zoneName(sample, plan.primary)})
            </strong>
            , with {zoneCity(plan.secondary)} time beside them.
          </>
        ) : (
          <>
            Times are {location.online ? "" : "local to the clinic, "}in{" "}
            <strong>
              {zoneCity(plan.primary)} time ({zoneName(sample, plan.primary)})
            </strong>
            .
          </>
        )}
      </p>
      {location.online && viewerZone ? <ZoneChoice zone={viewerZone} /> : null}
      <div className="week-nav">
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => goWeek(-1)}
          disabled={weekStart <= today}
        >
          <span aria-hidden="true">‹</span> <span className="week-nav__word">Earlier</span>
          <span className="visually-hidden"> week</span>
        </button>
        <p className="week-nav__range" aria-live="polite">
          {range}
        </p>
        <button type="button" className="button button--ghost button--small" onClick={() => goWeek(1)}>
          <span className="week-nav__word">Later</span>
          <span className="visually-hidden"> week</span> <span aria-hidden="true">›</span>
        </button>
      </div>

      <div className="day-strip" role="group" aria-label="Choose a day">
        {days.map((d) => {
          const p = dayParts(d);
          const count = byDay.get(d)?.length ?? 0;
          const selected = d === day;
          return (
            <button
              key={d}
              type="button"
              className="day"
              aria-pressed={selected}
              disabled={loading || count === 0}
              onClick={() => setChosenDay(d)}
              data-free={count > 0 ? "yes" : "no"}
            >
              <span className="day__weekday" aria-hidden="true">
                {p.weekday}
              </span>
              <span className="day__date" aria-hidden="true">
                {p.day}
              </span>
              <span className="day__count" aria-hidden="true">
                {loading ? (
                  <span className="skeleton skeleton--text" />
                ) : count > 0 ? (
                  <>
                    {count}
                    <span className="day__word"> free</span>
                  </>
                ) : (
                  "–"
                )}
              </span>
              <span className="visually-hidden">
                {longDate(d)},{" "}
                {loading ? "loading" : count > 0 ? `${count} free ${count === 1 ? "time" : "times"}` : "no free times"}
              </span>
            </button>
          );
        })}
      </div>

      <div className="slot-panel" aria-busy={loading} aria-labelledby={headingId}>
        {loading ? (
          <>
            <h3 id={headingId} className="slot-panel__title">
              <span className="skeleton skeleton--title" aria-hidden="true" />
              <span className="visually-hidden">Loading free times</span>
            </h3>
            <div className="time-grid" aria-hidden="true">
              {Array.from({ length: 8 }, (_, i) => (
                <span key={i} className="skeleton skeleton--time" />
              ))}
            </div>
          </>
        ) : current.status === "error" ? (
          <div className="alert alert--error" role="alert">
            <h3 id={headingId} className="alert__title">
              We couldn&apos;t load the free times
            </h3>
            <p>{current.message}</p>
            <button type="button" className="button button--small" onClick={retry}>
              Try again
            </button>
          </div>
        ) : !weekHasTimes || !day ? (
          <div className="slot-empty">
            <h3 id={headingId} className="slot-panel__title">
              No free times this week
            </h3>
            <p className="muted">Try next week{emptyActions ? ", or another practitioner" : ""}.</p>
            <div className="slot-empty__actions">
              <button type="button" className="button button--small" onClick={() => goWeek(1)}>
                Try next week
              </button>
              {emptyActions}
            </div>
          </div>
        ) : (
          <>
            <h3 id={headingId} className="slot-panel__title">
              {longDate(day)}
            </h3>
            {DAY_PARTS.filter(({ part }) => parts[part].length > 0).map(({ part, label }) => (
              <section key={part} className="time-group" aria-label={`${label}, ${longDate(day)}`}>
                <h4 className="time-group__title">{label}</h4>
                <ul className={plan.secondary ? "time-grid time-grid--two-zones" : "time-grid"}>
                  {parts[part].map((s) => {
                    const selected = selectedStart ? Date.parse(selectedStart) === Date.parse(s.start) : false;
                    return (
                      <li key={s.start}>
                        <button
                          type="button"
                          className="time"
                          aria-pressed={selected}
                          onClick={() => onPick(s)}
                          data-start={s.start}
                          data-practitioner={s.practitioner}
                        >
                          <span className="time__main">{timeOf(s.start, plan.primary)}</span>
                          {plan.secondary ? <span className="time__sub">{sideTime(s.start, plan)}</span> : null}
                          {s.remaining > 1 ? <span className="time__sub">{s.remaining} places left</span> : null}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
