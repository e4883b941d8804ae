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

/**
 * The appointment aggregates of one practitioner at one location on the range's dates of one ISO week, `date` being
 * any date of that week (load-report-rows.ts gives its Monday); only the week of `date` is read.
 */
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
  for (const l of input.leave) {
    const list = leaveBy.get(l.practitionerId);
    if (list) list.push(l);
    else leaveBy.set(l.practitionerId, [l]);
  }
  // One expansion per time zone, not per location: the zone conversions are the costly part and expandRosters
  // remembers them for the call. Its practitioner key is then "location|practitioner", and each location's closed
  // dates are taken out afterwards (expandRosters itself only skips them).
  const zones = new Map<string, ReportLocation[]>();
  for (const loc of input.locations) zones.set(loc.timezone, [...(zones.get(loc.timezone) ?? []), loc]);
  const byLocation = new Map<string, AvailableDay[]>();
  for (const [timezone, locs] of zones) {
    const byId = new Map(locs.map((l) => [l.id, l]));
    const rosters = input.rosters
      .filter((r) => byId.has(r.locationId))
      .map((r) => ({ ...r, practitioner: `${r.locationId}|${r.practitioner}` }));
    if (rosters.length === 0) continue;
    const windows = expandRosters({
      timezone,
      rosters,
      practitioners: new Set(rosters.map((r) => r.practitioner)),
      closedDates: new Set(),
      from: input.from,
      to: input.to,
    });
    const open = new Map<string, Map<string, Span[]>>(locs.map((l) => [l.id, new Map()]));
    for (const w of windows) {
      const cut = w.practitioner.indexOf("|");
      const locationId = w.practitioner.slice(0, cut);
      if (byId.get(locationId)!.closedDates.has(w.date)) continue;
      const practitionerId = w.practitioner.slice(cut + 1);
      const leave = (leaveBy.get(practitionerId) ?? []).filter((l) => l.start < w.window.end && l.end > w.window.start);
      const left =
        w.breaks.length + leave.length === 0 ? [w.window] : subtractSpans([w.window], [...w.breaks, ...leave]);
      const days = open.get(locationId)!;
      const key = `${practitionerId}|${w.date}`;
      const spans = days.get(key);
      if (spans) spans.push(...left);
      else days.set(key, left);
    }
    for (const loc of locs) {
      const days: AvailableDay[] = [];
      for (const [key, spans] of open.get(loc.id)!) {
        const [practitionerId, date] = key.split("|") as [string, string];
        const ms = (spans.length === 1 ? spans : mergeSpans(spans)).reduce((sum, s) => sum + (s.end - s.start), 0);
        days.push({ practitionerId, locationId: loc.id, date, minutes: ms / MINUTE });
      }
      byLocation.set(loc.id, days);
    }
  }
  return input.locations.flatMap((l) => byLocation.get(l.id) ?? []);
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
  const weeksOf = new Map<LocalDate, LocalDate>();
  const week = (date: LocalDate) => {
    let w = weeksOf.get(date);
    if (w === undefined) weeksOf.set(date, (w = weekOf(date)));
    return w;
  };
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
    at(byWeek, week(a.date)).available += a.minutes;
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
    for (const s of [at(byPractitioner, d.practitionerId), at(byLocation, d.locationId), at(byWeek, week(d.date))]) {
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
