"use client";
import type { Slot } from "./public-api";
import { DayStrip } from "./day-strip";
import { SlotPanel } from "./slot-panel";
import { browserZone, dayParts, zoneCity, zoneName, type ZonePlan } from "./time-format";
import { useViewerZone } from "./use-viewer-zone";
import { useWeekSlots } from "./use-week-slots";
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
  const week = useWeekSlots({ location, service, practitioner, plan, excludeStart, startDate });
  const { days, day, current } = week;
  const daySlots = day ? (week.byDay.get(day) ?? []) : [];

  const first = dayParts(days[0]!);
  const last = dayParts(days[6]!);
  const range =
    first.month === last.month
      ? `${first.day} – ${last.day} ${last.month}`
      : `${first.day} ${first.month} – ${last.day} ${last.month}`;
  const sample = daySlots[0]?.start ?? new Date().toISOString();

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
          onClick={() => week.goWeek(-1)}
          disabled={week.weekStart <= week.today}
        >
          <span aria-hidden="true">‹</span> <span className="week-nav__word">Earlier</span>
          <span className="visually-hidden"> week</span>
        </button>
        <p className="week-nav__range" aria-live="polite">
          {range}
        </p>
        <button type="button" className="button button--ghost button--small" onClick={() => week.goWeek(1)}>
          <span className="week-nav__word">Later</span>
          <span className="visually-hidden"> week</span> <span aria-hidden="true">›</span>
        </button>
      </div>
      <DayStrip days={days} byDay={week.byDay} day={day} loading={!current} onChoose={week.chooseDay} />
      <SlotPanel
        headingId={headingId}
        week={current}
        day={day}
        daySlots={daySlots}
        weekHasTimes={week.weekHasTimes}
        plan={plan}
        selectedStart={selectedStart}
        emptyActions={emptyActions}
        onPick={onPick}
        onRetry={week.retry}
        onNextWeek={() => week.goWeek(1)}
      />
    </div>
  );
}
