"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { ApiError } from "@/lib/http/api-fetch";
import { createFetchCache } from "@/lib/http/fetch-cache";
import { fetchAvailability, type Slot } from "./public-api";
import { slotsByDay } from "./slot-groups";
import { addDays, dateKey, type ZonePlan } from "./time-format";

export type Week = { status: "ready"; slots: Slot[] } | { status: "error"; message: string };

interface Options {
  location: { slug: string; timezone: string };
  service: string;
  practitioner: string | null;
  plan: ZonePlan;
  excludeStart?: string | null | undefined;
  startDate?: string | null | undefined;
}

/**
 * The week on screen and its free times, by day in the primary zone. Each week is fetched once (the next one ahead of
 * time, so "Later" answers at once); a week that failed is asked again on `retry`.
 */
export function useWeekSlots({ location, service, practitioner, plan, excludeStart, startDate }: Options) {
  const today = useMemo(() => dateKey(new Date(), plan.primary), [plan.primary]);
  const todayAtClinic = useMemo(() => dateKey(new Date(), location.timezone), [location.timezone]);
  const [weekStart, setWeekStart] = useState(() => {
    if (!startDate || startDate <= today) return today;
    const weeks = Math.floor((Date.parse(startDate) - Date.parse(today)) / (7 * 86_400_000));
    return addDays(today, weeks * 7);
  });
  const [weeks] = useState(() => createFetchCache<Week>());
  const [, weekArrived] = useReducer((n: number) => n + 1, 0);
  const [chosenDay, setChosenDay] = useState<string | null>(startDate ?? null);

  const load = useCallback(
    (week: string) => {
      // One day either side, in the clinic's dates, so a viewer in another zone sees whole days.
      const before = addDays(week, -1);
      const from = before < todayAtClinic ? todayAtClinic : before;
      const fetchWeek = () =>
        fetchAvailability({
          location: location.slug,
          service,
          from,
          to: addDays(week, 7),
          practitioner: practitioner ?? undefined,
        }).then(
          (r): Week => ({ status: "ready", slots: r.slots }),
          (e: unknown): Week => ({
            status: "error",
            message: e instanceof ApiError ? e.message : "We couldn't load the free times.",
          }),
        );
      void weeks.load(week, fetchWeek).then(weekArrived);
    },
    [weeks, location.slug, service, practitioner, todayAtClinic],
  );

  const current = weeks.peek(weekStart)?.data;
  const nextWeek = addDays(weekStart, 7);
  const nextHeld = weeks.peek(nextWeek) !== undefined;
  useEffect(() => {
    if (!current) load(weekStart);
    // Look one week ahead, so "Later" answers at once.
    else if (current.status === "ready" && !nextHeld) load(nextWeek);
  }, [current, weekStart, nextWeek, nextHeld, load]);

  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)), [weekStart]);
  const byDay = useMemo(() => {
    if (current?.status !== "ready") return new Map<string, Slot[]>();
    const exclude = excludeStart ? Date.parse(excludeStart) : NaN;
    return slotsByDay(
      current.slots.filter((s) => Date.parse(s.start) !== exclude),
      plan.primary,
    );
  }, [current, excludeStart, plan.primary]);
  const day =
    chosenDay && days.includes(chosenDay) && byDay.has(chosenDay)
      ? chosenDay
      : (days.find((d) => byDay.has(d)) ?? null);

  const goWeek = (delta: number) => {
    setWeekStart((w) => addDays(w, delta * 7));
    setChosenDay(null);
  };
  const retry = () => {
    weeks.forget(weekStart);
    weekArrived();
  };

  return {
    today,
    weekStart,
    days,
    byDay,
    current,
    day,
    weekHasTimes: days.some((d) => (byDay.get(d)?.length ?? 0) > 0),
    chooseDay: setChosenDay,
    goWeek,
    retry,
  };
}
