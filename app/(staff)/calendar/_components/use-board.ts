"use client";

// A small client-side cache of calendar boards so switching days and locations is instant:
// the board on screen comes from the cache when it can, neighbours are prefetched, and
// any change made at the desk clears the cache so nothing stale is shown.
import { useCallback, useEffect, useState } from "react";
import type { DayBoard, LocationWeekBoard, WeekBoard } from "@/lib/staff/reception-types";
import { addDays, mondayOf } from "./calendar-time";
import { staffFetch } from "./staff-api";

export type CalendarView =
  | { view: "day"; location: string; date: string }
  | { view: "location-week"; location: string; date: string }
  | { view: "week"; practitioner: string; date: string };
export type Board = DayBoard | LocationWeekBoard | WeekBoard;

const FRESH_MS = 20_000;
const cache = new Map<string, { at: number; data: Board }>();
const inflight = new Map<string, Promise<Board>>();

export function boardUrl(v: CalendarView): string {
  if (v.view === "day") return `/api/v1/staff/calendar/day?location=${encodeURIComponent(v.location)}&date=${v.date}`;
  if (v.view === "location-week")
    return `/api/v1/staff/calendar/location-week?location=${encodeURIComponent(v.location)}&date=${mondayOf(v.date)}`;
  return `/api/v1/staff/calendar/week?practitioner=${encodeURIComponent(v.practitioner)}&date=${mondayOf(v.date)}`;
}

export function peekBoard(v: CalendarView): { at: number; data: Board } | undefined {
  return cache.get(boardUrl(v));
}

export function seedBoard(v: CalendarView, data: Board): void {
  if (!cache.has(boardUrl(v))) cache.set(boardUrl(v), { at: Date.now(), data });
}

export function loadBoard(v: CalendarView): Promise<Board> {
  const url = boardUrl(v);
  let p = inflight.get(url);
  if (!p) {
    p = staffFetch<Board>(url)
      .then((data) => {
        cache.set(url, { at: Date.now(), data });
        return data;
      })
      .finally(() => inflight.delete(url));
    inflight.set(url, p);
  }
  return p;
}

const isFresh = (entry: { at: number } | undefined) => !!entry && Date.now() - entry.at < FRESH_MS;

export function prefetchBoard(v: CalendarView): void {
  if (!isFresh(cache.get(boardUrl(v)))) loadBoard(v).catch(() => {});
}

/** Marks every board stale: they stay on screen until the fresh copy arrives, so nothing flashes. */
export function invalidateBoards(): void {
  for (const entry of cache.values()) entry.at = 0;
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
  const hit = cache.get(key);

  useEffect(() => {
    let live = true;
    const entry = cache.get(key);
    if (!isFresh(entry)) {
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
