// Plain shapes the reception verbs return and the calendar pages draw. Types only: safe in client components.
import type { AppointmentStatus } from "./reception-schemas";

export type IntakeState = "not-started" | "in-progress" | "completed";

/** The staff appointment shape of api.md. Reception never gets intake answers: only status, route and the flag. */
export interface StaffAppointmentDto {
  id: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  service: string;
  location: string;
  practitioner: string;
  patient: { id: string; name: string };
  intake: { status: IntakeState; route: string | null; needsCall: boolean };
}

/** What the calendar shows on a card beyond the API shape. */
export interface BoardAppointment extends StaffAppointmentDto {
  serviceName: string;
  practitionerName: string;
  locationName: string;
  patientPhone: string;
  source: string;
  notes: string | null;
  classId: string | null;
  cancelReason: string | null;
  /** A clinic setup change left it outside working time: reception should move it (or cancel it). */
  needsMoving: boolean;
}

/** Minutes after local midnight, in the location's zone. */
export interface MinuteSpan {
  start: number;
  end: number;
  label?: string;
}

/** One column of the calendar grid: a practitioner on a day (day view) or one day of a practitioner (week view). */
export interface BoardColumn {
  key: string;
  title: string;
  subtitle: string;
  date: string;
  location: string | null;
  practitioner: string;
  working: MinuteSpan[];
  breaks: MinuteSpan[];
  away: MinuteSpan[];
  closed: string | null;
  appointments: BoardAppointment[];
}

export interface BoardService {
  slug: string;
  name: string;
  discipline: string;
  durationMinutes: number;
  capacity: number;
}

export interface BoardPractitioner {
  slug: string;
  name: string;
  discipline: string;
  title: string;
}

export interface DayBoard {
  kind: "day";
  date: string;
  timezone: string;
  location: { slug: string; name: string; phone: string | null; online: boolean };
  closed: string | null;
  columns: BoardColumn[];
  /** Everyone who works at this location, rostered today or not (for booking and moving). */
  practitioners: BoardPractitioner[];
  services: BoardService[];
  cancelled: BoardAppointment[];
}

export interface WeekBoard {
  kind: "week";
  from: string;
  to: string;
  timezone: string;
  practitioner: BoardPractitioner & { locations: string[] };
  columns: BoardColumn[];
  cancelled: BoardAppointment[];
}

/** One practitioner's row of a location's week: a cell per day of `LocationWeekBoard.days`. */
export interface LocationWeekRow {
  practitioner: BoardPractitioner;
  cells: BoardColumn[];
}

export interface LocationWeekBoard {
  kind: "location-week";
  from: string;
  to: string;
  timezone: string;
  location: { slug: string; name: string; phone: string | null; online: boolean };
  /** Monday to Friday, and a weekend day only when someone works or is booked then. */
  days: { date: string; closed: string | null }[];
  rows: LocationWeekRow[];
  /** Everyone who works at this location (for booking and moving). */
  practitioners: BoardPractitioner[];
  services: BoardService[];
  cancelled: BoardAppointment[];
}

/** One line of a printed day sheet. No intake answers, no notes: what the front desk needs on paper. */
export interface DaySheetRow {
  id: string;
  start: string;
  end: string;
  patientName: string;
  patientPhone: string;
  serviceName: string;
  practitionerName: string;
  locationName: string;
  status: AppointmentStatus;
  needsCall: boolean;
}

export interface DaySheet {
  kind: "location" | "practitioner";
  /** The location's or practitioner's name. */
  title: string;
  date: string;
  timezone: string;
  rows: DaySheetRow[];
}

export interface PatientSummaryDto {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  /** Null when reception booked by phone without one: such a patient gets no emails. */
  email: string | null;
  phone: string;
  /** Null when not given on the phone (age unknown). */
  dateOfBirth: string | null;
  nextAppointment: string | null;
  /** A provisional record from an online booking: the patient of record it may be (reception merges or keeps apart). */
  possibleDuplicateOf: string | null;
  /** The record this one was merged into, if any. */
  mergedInto: string | null;
}

export interface PatientDetailDto extends PatientSummaryDto {
  createdAt: string;
  appointments: BoardAppointment[];
}

export interface StaffSlot {
  start: string;
  end: string;
  practitioner: string;
  remaining: number;
}
