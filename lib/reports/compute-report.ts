// The pure core of the report: working time from the slot engine's own roster expansion, minus breaks and leave,
// with closures and public holidays taken out as closed dates; then the appointment aggregates added up per
// practitioner, location and ISO week. No I/O: load-report-rows.ts feeds it.
import { mergeSpans, subtractSpans, type Span } from "@/lib/scheduling/intervals";
import { addDays, isoWeekday } from "@/lib/scheduling/local-time";
import { expandRosters } from "@/lib/scheduling/roster-expansion";
import type { LocalDate, RosterEntry } from "@/lib/scheduling/slot-types";
import {
  REPORT_ROUTES,
  REPORT_SOURCES,
  type PractitionerRow,
  type ReportDetail,
  type ReportSource,
  type Utilisation,
} from "./schemas";

const MINUTE = 60_000;

export interface ReportLocation {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  /** Public holidays and closures at this location within the range. */
  closedDates: ReadonlySet<LocalDate>;
}

/** A roster entry of the slot engine, keyed by practitioner id, at one location. */
export interface ReportRoster extends RosterEntry {
  locationId: string;
}

/** The appointment aggregates of one practitioner at one location on one local date (see load-report-rows.ts). */
export interface DayFigures {
  practitionerId: string;
  locationId: string;
  date: LocalDate;
  total: number;
  attended: number;
  noShow: number;
  cancelled: number;
  lateCancelled: number;
  /** Length of every appointment that is not cancelled, each class once. */
  bookedMinutes: number;
  newPatients: number;
  intakeDue: number;
  intakeCompleted: number;
  bySource: Record<ReportSource, number>;
}

export interface ReportInput {
  from: LocalDate;
  to: LocalDate;
  locations: readonly ReportLocation[];
  practitioners: readonly { id: string; slug: string; name: string }[];
  rosters: readonly ReportRoster[];
  leave: readonly { practitionerId: string; start: number; end: number }[];
  days: readonly DayFigures[];
  routes: Readonly<Record<string, number>>;
}

/** booked ÷ available to 4 decimals, 0 when nothing is available. */
export function ratioOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

/** The Monday of a local date's ISO week. */
export function weekOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export interface AvailableDay {
  practitionerId: string;
  locationId: string;
  date: LocalDate;
  minutes: number;
}

/**
 * Rostered minutes per practitioner, location and local date: each roster window minus its breaks and the
 * practitioner's leave, overlapping windows counted once; closed dates have no windows at all.
 */
export function availableTime(
  input: Pick<ReportInput, "from" | "to" | "locations" | "rosters" | "leave">,
): AvailableDay[] {
  const leaveBy = new Map<string, Span[]>();
  for (const l of input.leave) leaveBy.set(l.practitionerId, [...(leaveBy.get(l.practitionerId) ?? []), l]);
  const out: AvailableDay[] = [];
  for (const loc of input.locations) {
    const rosters = input.rosters.filter((r) => r.locationId === loc.id);
    if (rosters.length === 0) continue;
    const windows = expandRosters({
      timezone: loc.timezone,
      rosters,
      practitioners: new Set(rosters.map((r) => r.practitioner)),
      closedDates: loc.closedDates,
      from: input.from,
      to: input.to,
    });
    const open = new Map<string, Span[]>();
    for (const w of windows) {
      const key = `${w.practitioner}|${w.date}`;
      const left = subtractSpans([w.window], [...w.breaks, ...(leaveBy.get(w.practitioner) ?? [])]);
      open.set(key, [...(open.get(key) ?? []), ...left]);
    }
    for (const [key, spans] of open) {
      const [practitionerId, date] = key.split("|") as [string, string];
      const ms = mergeSpans(spans).reduce((sum, s) => sum + (s.end - s.start), 0);
      out.push({ practitionerId, locationId: loc.id, date, minutes: ms / MINUTE });
    }
  }
  return out;
}

const emptySources = (): Record<ReportSource, number> =>
  Object.fromEntries(REPORT_SOURCES.map((s) => [s, 0])) as Record<ReportSource, number>;

function utilisation(available: number, booked: number): Utilisation {
  const availableMinutes = Math.round(available);
  const bookedMinutes = Math.round(booked);
  return { availableMinutes, bookedMinutes, ratio: ratioOf(bookedMinutes, availableMinutes) };
}

/** Adds everything up. Practitioners appear when they had rostered time or appointments in the range. */
export function computeReport(input: ReportInput): ReportDetail {
  const available = availableTime(input);
  const weekKeys: LocalDate[] = [];
  for (let w = weekOf(input.from); w <= input.to; w = addDays(w, 7)) weekKeys.push(w);

  const sum = () => ({ available: 0, booked: 0, attended: 0, noShow: 0, cancelled: 0, newPatients: 0 });
  const byPractitioner = new Map<string, ReturnType<typeof sum>>();
  const byLocation = new Map<string, ReturnType<typeof sum>>();
  const byWeek = new Map<string, ReturnType<typeof sum>>(weekKeys.map((w) => [w, sum()]));
  const at = (m: Map<string, ReturnType<typeof sum>>, key: string) => {
    let s = m.get(key);
    if (!s) m.set(key, (s = sum()));
    return s;
  };
  let availableTotal = 0;
  for (const a of available) {
    availableTotal += a.minutes;
    at(byPractitioner, a.practitionerId).available += a.minutes;
    at(byLocation, a.locationId).available += a.minutes;
    at(byWeek, weekOf(a.date)).available += a.minutes;
  }

  const appointments = { total: 0, attended: 0, noShow: 0, cancelled: 0, lateCancelled: 0 };
  const bySource = emptySources();
  const intake = { due: 0, completedBeforeStart: 0 };
  let booked = 0;
  let newPatients = 0;
  for (const d of input.days) {
    appointments.total += d.total;
    appointments.attended += d.attended;
    appointments.noShow += d.noShow;
    appointments.cancelled += d.cancelled;
    appointments.lateCancelled += d.lateCancelled;
    for (const s of REPORT_SOURCES) bySource[s] += d.bySource[s];
    intake.due += d.intakeDue;
    intake.completedBeforeStart += d.intakeCompleted;
    booked += d.bookedMinutes;
    newPatients += d.newPatients;
    for (const s of [at(byPractitioner, d.practitionerId), at(byLocation, d.locationId), at(byWeek, weekOf(d.date))]) {
      s.booked += d.bookedMinutes;
      s.attended += d.attended;
      s.noShow += d.noShow;
      s.cancelled += d.cancelled;
      s.newPatients += d.newPatients;
    }
  }

  const practitioners: PractitionerRow[] = input.practitioners
    .filter((p) => byPractitioner.has(p.id))
    .map((p) => {
      const s = byPractitioner.get(p.id)!;
      return {
        practitioner: p.slug,
        ...utilisation(s.available, s.booked),
        attended: s.attended,
        noShow: s.noShow,
        cancelled: s.cancelled,
      };
    })
    .sort((a, b) => a.practitioner.localeCompare(b.practitioner));

  return {
    from: input.from,
    to: input.to,
    utilisation: utilisation(availableTotal, booked),
    appointments,
    newPatients,
    bySource,
    intake: { ...intake, ratio: ratioOf(intake.completedBeforeStart, intake.due) },
    routes: Object.fromEntries(REPORT_ROUTES.map((r) => [r, input.routes[r] ?? 0])) as ReportDetail["routes"],
    practitioners,
    practitionerNames: Object.fromEntries(input.practitioners.map((p) => [p.slug, p.name])),
    locations: input.locations
      .filter((l) => byLocation.has(l.id))
      .map((l) => {
        const s = byLocation.get(l.id)!;
        return { location: l.slug, name: l.name, ...utilisation(s.available, s.booked) };
      }),
    weeks: weekKeys.map((week) => {
      const s = byWeek.get(week)!;
      return { week, ...utilisation(s.available, s.booked), newPatients: s.newPatients };
    }),
  };
}
