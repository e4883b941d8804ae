"use client";

import { useCallback, useEffect, useState } from "react";
import type {
  BoardAppointment,
  BoardColumn,
  BoardPractitioner,
  BoardService,
  DayBoard,
  LocationWeekBoard,
  PatientSummaryDto,
} from "@/lib/staff/reception-types";
import { AppointmentDialog } from "./appointment-dialog";
import { BookDialog, type BookDraft } from "./book-dialog";
import { CalendarGrid } from "./calendar-grid";
import { ColumnHeader } from "./column-header";
import { LocationWeekGrid } from "./location-week-grid";
import { BoardSummary, CancelledList } from "./board-summary";
import { CalendarToolbar, type ToolbarState } from "./calendar-toolbar";
import { addDays, nextWeekday } from "./calendar-time";
import { CancelDialog } from "./cancel-dialog";
import { MoveDialog } from "./move-dialog";
import { invalidateBoards, loadBoard, useBoard, type Board, type CalendarView } from "./use-board";

type Catalog = { services: BoardService[]; practitioners: BoardPractitioner[]; locationName: string };
type Dialog =
  | { kind: "appointment"; group: BoardAppointment[] }
  | { kind: "book"; draft: BookDraft; catalog: Catalog }
  | { kind: "move"; appointment: BoardAppointment; catalog: Catalog }
  | { kind: "cancel"; appointment: BoardAppointment };

interface Props {
  today: string;
  locations: { slug: string; name: string }[];
  practitioners: { slug: string; name: string }[];
  initialState: ToolbarState;
  initialBoard: Board;
  bookFor: PatientSummaryDto | null;
}

const viewOf = (s: ToolbarState): CalendarView =>
  s.mode === "week"
    ? { view: "week", practitioner: s.practitioner, date: s.date }
    : { view: s.mode, location: s.location, date: s.date };
const catalogOf = (b: DayBoard | LocationWeekBoard): Catalog => ({
  services: b.services,
  practitioners: b.practitioners,
  locationName: b.location.name,
});

export function CalendarApp({ today, locations, practitioners, initialState, initialBoard, bookFor }: Props) {
  const [state, setState] = useState(initialState);
  // A patient page's "Book" link lands here with the patient already chosen.
  const [dialog, setDialog] = useState<Dialog | null>(() =>
    bookFor && initialBoard.kind !== "week"
      ? {
          kind: "book",
          catalog: catalogOf(initialBoard),
          draft: {
            location: initialBoard.location.slug,
            locationName: initialBoard.location.name,
            date: nextWeekday(initialState.date < today ? today : initialState.date),
            practitioner: "",
            minutes: null,
            patient: bookFor,
          },
        }
      : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const { board, loading, error, refresh } = useBoard(viewOf(state), initialBoard);

  const change = useCallback((next: Partial<ToolbarState>) => setState((s) => ({ ...s, ...next })), []);

  // The URL follows the view, so a reload or a shared link opens the same board.
  useEffect(() => {
    const qs =
      state.mode === "week"
        ? `view=week&practitioner=${state.practitioner}&date=${state.date}`
        : `${state.mode === "day" ? "" : "view=location-week&"}location=${state.location}&date=${state.date}`;
    window.history.replaceState(window.history.state, "", `/calendar?${qs}`);
  }, [state]);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(t);
  }, [notice]);

  const openBook = useCallback(
    async (location: string, date: string, practitioner: string, minutes: number | null) => {
      const day =
        board.kind !== "week" && board.location.slug === location
          ? board
          : ((await loadBoard({ view: "day", location, date })) as DayBoard);
      setDialog({
        kind: "book",
        draft: {
          location,
          locationName: day.location.name,
          date: date < today ? today : date,
          practitioner,
          minutes,
          patient: null,
        },
        catalog: catalogOf(day),
      });
    },
    [board, today],
  );

  const openMove = async (a: BoardAppointment) => {
    const day =
      board.kind !== "week" && board.location.slug === a.location
        ? board
        : ((await loadBoard({ view: "day", location: a.location, date: a.start.slice(0, 10) })) as DayBoard);
    setDialog({ kind: "move", appointment: a, catalog: catalogOf(day) });
  };

  // Keyboard: ← → move a day (or week), T today, N new booking, D / L / W switch view.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement;
      if (t.closest("input, select, textarea, [contenteditable], dialog")) return;
      const step = state.mode === "day" ? 1 : 7;
      if (e.key === "ArrowLeft") change({ date: addDays(state.date, -step) });
      else if (e.key === "ArrowRight") change({ date: addDays(state.date, step) });
      else if (e.key === "t" || e.key === "T") change({ date: today });
      else if (e.key === "d" || e.key === "D") change({ mode: "day" });
      else if (e.key === "w" || e.key === "W") change({ mode: "week" });
      else if (e.key === "l" || e.key === "L") change({ mode: "location-week" });
      else if ((e.key === "n" || e.key === "N") && board.kind !== "week")
        void openBook(board.location.slug, state.date, "", null);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dialog, state, today, change, board, openBook]);

  const done = (message: string, date?: string) => {
    setDialog(null);
    setNotice(message);
    invalidateBoards();
    if (date && date !== state.date && state.mode === "day") change({ date });
    else refresh();
  };

  const subject =
    board.kind === "week" ? `${board.practitioner.name} · ${board.practitioner.title}` : board.location.name;
  const header = (c: BoardColumn) => (
    <ColumnHeader
      column={c}
      mode={board.kind === "day" ? "day" : "week"}
      practitionerName={board.kind === "week" ? board.practitioner.name : c.title}
      canBook={!!c.location && !c.closed && c.date >= today}
      onBook={() => void openBook(c.location!, c.date, c.practitioner, null)}
      onWeek={() => change({ mode: "week", practitioner: c.practitioner })}
      onDay={() => c.location && change({ mode: "day", location: c.location, date: c.date })}
    />
  );

  return (
    <div className="calendar">
      <CalendarToolbar
        state={state}
        today={today}
        locations={locations}
        practitioners={practitioners}
        onChange={change}
        busy={loading}
        subject={subject}
        onNewBooking={board.kind === "week" ? null : () => void openBook(board.location.slug, state.date, "", null)}
      />
      <div role="status" aria-live="polite" className="cal-notice-slot">
        {notice ? <p className="alert alert--ok cal-notice">{notice}</p> : null}
      </div>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <BoardSummary board={board} onOpen={(g) => setDialog({ kind: "appointment", group: g })} />
      {board.kind === "location-week" ? (
        board.rows.length === 0 ? (
          <div className="empty cal-empty">
            Nobody works at {board.location.name} this week.
            <span className="muted"> Use ← and → to move between weeks.</span>
          </div>
        ) : (
          <LocationWeekGrid
            board={board}
            today={today}
            busy={loading}
            onOpen={(g) => setDialog({ kind: "appointment", group: g })}
            onBook={(c) => void openBook(c.location!, c.date, c.practitioner, null)}
            onDay={(date) => change({ mode: "day", date })}
            onPractitionerWeek={(practitioner) => change({ mode: "week", practitioner })}
          />
        )
      ) : board.columns.length === 0 ? (
        <div className="empty cal-empty">
          {board.kind === "day" && board.closed
            ? `${board.location.name} is closed: ${board.closed}.`
            : "Nobody is rostered here on this day."}
          <span className="muted"> Use ← and → to move between days.</span>
        </div>
      ) : (
        <CalendarGrid
          columns={board.columns}
          timezone={board.timezone}
          busy={loading}
          headerFor={header}
          label={board.kind === "day" ? `Appointments at ${board.location.name}` : `${board.practitioner.name}’s week`}
          onOpen={(g) => setDialog({ kind: "appointment", group: g })}
          onBook={(c, m) =>
            c.location && !c.closed && c.date >= today && void openBook(c.location, c.date, c.practitioner, m)
          }
        />
      )}
      <CancelledList board={board} />
      <p className="cal-shortcuts muted">
        Shortcuts: ← → {state.mode === "day" ? "day" : "week"} · T today · N new booking · D day · L location week · W
        practitioner week
      </p>

      {dialog?.kind === "appointment" ? (
        <AppointmentDialog
          group={dialog.group}
          today={today}
          onClose={() => setDialog(null)}
          onChanged={(m) => done(m)}
          onMove={(a) => void openMove(a)}
          onCancel={(a) => setDialog({ kind: "cancel", appointment: a })}
        />
      ) : null}
      {dialog?.kind === "book" ? (
        <BookDialog
          draft={dialog.draft}
          today={today}
          services={dialog.catalog.services}
          practitioners={dialog.catalog.practitioners}
          onClose={() => setDialog(null)}
          onBooked={done}
        />
      ) : null}
      {dialog?.kind === "move" ? (
        <MoveDialog
          appointment={dialog.appointment}
          today={today}
          practitioners={dialog.catalog.practitioners}
          onClose={() => setDialog(null)}
          onMoved={done}
        />
      ) : null}
      {dialog?.kind === "cancel" ? (
        <CancelDialog appointment={dialog.appointment} onClose={() => setDialog(null)} onCancelled={(m) => done(m)} />
      ) : null}
    </div>
  );
}
