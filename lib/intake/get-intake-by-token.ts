import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { toOffsetIso } from "@/lib/scheduling/local-time";
import {
  appointmentForIntakeToken,
  intakeClosedReason,
  latestIntakeResponse,
  type IntakeClosedReason,
} from "./intake-access";
import type { RawAnswers } from "./questionnaire-types";
import type { IntakeSummary } from "./summary";
import { toIntakeOutcome, type IntakeOutcome } from "./intake-outcome";

export interface IntakeView {
  appointment: {
    serviceName: string;
    practitionerName: string;
    locationName: string;
    online: boolean;
    /** ISO 8601 with the location's offset. */
    start: string;
    /** "Tuesday 1 December 2026 at 9:00 am", in the location's zone. */
    startLabel: string;
    timezone: string;
  };
  patient: { firstName: string };
  /** The draft being filled in, or else the last version sent; null before the first save. */
  response: {
    status: "in-progress" | "completed";
    version: number;
    answers: RawAnswers;
    updatedAt: string;
    submittedAt: string | null;
    /** What the patient was told when they sent it (completed versions only). */
    outcome: IntakeOutcome | null;
  } | null;
  /** Set when the form no longer takes answers. */
  closed: IntakeClosedReason | null;
}

export function formatVisitTime(start: Date, timezone: string): string {
  const d = DateTime.fromJSDate(start, { zone: timezone }).setLocale("en-AU");
  return `${d.toFormat("cccc d LLLL yyyy")} at ${d.toFormat("h:mm a").toLowerCase()}`;
}

/** What the patient's `/intake/[token]` page shows; null for an unknown token, never saying why. */
export async function getIntakeByToken(db: Db, token: string, now = new Date()): Promise<IntakeView | null> {
  const a = await appointmentForIntakeToken(db, token);
  if (!a) return null;
  const latest = await latestIntakeResponse(db, a.id);
  const tz = a.location.timezone;
  return {
    appointment: {
      serviceName: a.service,
      practitionerName: a.practitioner,
      locationName: a.location.name,
      online: a.location.online,
      start: toOffsetIso(a.startsAt, tz),
      startLabel: formatVisitTime(a.startsAt, tz),
      timezone: tz,
    },
    patient: { firstName: a.patient.firstName },
    response: latest
      ? {
          status: latest.status,
          version: latest.version,
          answers: latest.answers as RawAnswers,
          updatedAt: latest.updatedAt.toISOString(),
          submittedAt: latest.submittedAt?.toISOString() ?? null,
          outcome:
            latest.status === "completed" && latest.summary ? toIntakeOutcome(latest.summary as IntakeSummary) : null,
        }
      : null,
    closed: intakeClosedReason(a, now),
  };
}
