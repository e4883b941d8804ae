"use client";

// A small client-side cache of calendar boards so switching days and locations is instant:
// the board on screen comes from the cache when it can, neighbours are prefetched, and
// any change made at the desk clears the cache so nothing stale is shown.
import { useCallback, useEffect, useState } from "react";
import { createFetchCache } from "@/lib/http/fetch-cache";
import type { DayBoard, LocationWeekBoard, WeekBoard } from "@/lib/staff/reception-types";
import { addDays, mondayOf } from "./calendar-time";
import { staffFetch } from "./staff-api";

export type CalendarView =
  | { view: "day"; location: string; date: string }
  | { view: "location-week"; location: string; date: string }
  | { view: "week"; practitioner: string; date: string };
export type Board = DayBoard | LocationWeekBoard | WeekBoard;

const cache = createFetchCache<Board>({ freshMs: 20_000 });

export function boardUrl(v: CalendarView): string {
  if (v.view === "day") return `/api/v1/staff/calendar/day?location=${encodeURIComponent(v.location)}&date=${v.date}`;
  if (v.view === "location-week")
    return `/api/v1/staff/calendar/location-week?location=${encodeURIComponent(v.location)}&date=${mondayOf(v.date)}`;
  return `/api/v1/staff/calendar/week?practitioner=${encodeURIComponent(v.practitioner)}&date=${mondayOf(v.date)}`;
}

export function peekBoard(v: CalendarView): { at: number; data: Board } | undefined {
  return cache.peek(boardUrl(v));
}

export function seedBoard(v: CalendarView, data: Board): void {
  cache.seed(boardUrl(v), data);
}

export function loadBoard(v: CalendarView): Promise<Board> {
  const url = boardUrl(v);
  return cache.load(url, () => staffFetch<Board>(url));
}

export function prefetchBoard(v: CalendarView): void {
  if (!cache.isFresh(boardUrl(v))) loadBoard(v).catch(() => {});
}

/** Marks every board stale: they stay on screen until the fresh copy arrives, so nothing flashes. */
export function invalidateBoards(): void {
  cache.invalidate();
}

/** The neighbours a receptionist is likely to open next. */
function neighbours(v: CalendarView): CalendarView[] {
  const step = v.view === "day" ? 1 : 7;
  return [
    { ...v, date: addDays(v.date, step) },
    { ...v, date: addDays(v.date, -step) },
  ];
}

export function useBoard(v: CalendarView, initial: Board) {
  const key = boardUrl(v);
  const [shown, setShown] = useState<{ key: string; board: Board; error: string | null }>(() => {
    seedBoard(v, initial);
    return { key, board: initial, error: null };
  });
  const [tick, setTick] = useState(0);
  const hit = cache.peek(key);

  useEffect(() => {
    let live = true;
    const entry = cache.peek(key);
    if (!cache.isFresh(key)) {
      loadBoard(v)
        .then((board) => live && setShown({ key, board, error: null }))
        .catch((e: Error) => live && setShown((s) => ({ ...s, error: e.message })));
    } else if (entry && shown.key !== key) {
      setTimeout(() => live && setShown({ key, board: entry.data, error: null }), 0);
    }
    const t = setTimeout(() => neighbours(v).forEach(prefetchBoard), 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // `v` is fully described by `key`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  // Online bookings arrive all day: refresh the board on screen every minute while the tab is visible.
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === "visible") setTick((t) => t + 1);
    }, 60_000);
    return () => clearInterval(id);
  }, [key]);

  const refresh = useCallback(() => {
    invalidateBoards();
    setTick((t) => t + 1);
  }, []);

  const board = hit?.data ?? shown.board;
  return { board, loading: !hit, error: shown.key === key ? shown.error : null, refresh };
}
