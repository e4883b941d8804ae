// Words the calendar shows for codes; kept in one place so cards, dialogs and the patient page agree.
import type { AppointmentStatus } from "@/lib/staff/reception-schemas";
import type { IntakeState } from "@/lib/staff/reception-types";

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  booked: "Booked",
  arrived: "Arrived",
  completed: "Completed",
  "no-show": "No-show",
  cancelled: "Cancelled",
};

export const INTAKE_LABEL: Record<IntakeState, string> = {
  "not-started": "Intake not started",
  "in-progress": "Intake in progress",
  completed: "Intake done",
};

export const ROUTE_LABEL: Record<string, string> = {
  emergency: "Emergency care",
  "urgent-care": "GP or urgent care today",
  "sports-physio": "Sports physiotherapy",
  "exercise-physiology": "Exercise physiology",
  "online-rehab": "Online rehab",
};

const SHORT_SERVICE: Record<string, string> = {
  "physio-initial": "Physio initial",
  "physio-follow-up": "Physio follow-up",
  "ep-initial": "EP initial",
  "ep-session": "EP session",
  "online-rehab-initial": "Online initial",
  "online-rehab-session": "Online session",
  "pilates-class": "Pilates class",
  shockwave: "Shockwave",
};

export function shortService(slug: string, name: string): string {
  return SHORT_SERVICE[slug] ?? name;
}

export const SOURCE_LABEL: Record<string, string> = {
  online: "Online",
  phone: "Phone",
  staff: "Staff",
  import: "Imported",
  waitlist: "Wait list",
  referral: "Directory referral",
};
