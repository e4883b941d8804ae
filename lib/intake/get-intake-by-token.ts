import "server-only";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { triages } from "@/db/schema";
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
import { minutesToFinish } from "./intake-estimate";
import { findItem } from "./questionnaire";

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
  /**
   * What the patient already answered in "help me choose" before booking (known questions only): the form starts
   * from these when nothing was saved yet, so the patient sees only what is new.
   */
  fromTriage: { answers: RawAnswers; linkIds: string[] } | null;
  /** Roughly how long what is left takes, in whole minutes. */
  minutesLeft: number;
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
  const [latest, fromTriage] = await Promise.all([
    latestIntakeResponse(db, a.id),
    a.triageId ? triageAnswers(db, a.triageId) : null,
  ]);
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
    fromTriage,
    minutesLeft: minutesToFinish((latest?.answers as RawAnswers | undefined) ?? fromTriage?.answers ?? {}),
    closed: intakeClosedReason(a, now),
  };
}

async function triageAnswers(db: Db, triageId: string): Promise<IntakeView["fromTriage"]> {
  const [row] = await db.select({ answers: triages.answers }).from(triages).where(eq(triages.id, triageId));
  if (!row || typeof row.answers !== "object" || row.answers === null) return null;
  const answers = Object.fromEntries(
    Object.entries(row.answers as Record<string, unknown>).filter(([linkId]) => findItem(linkId)),
  ) as RawAnswers;
  const linkIds = Object.keys(answers);
  return linkIds.length > 0 ? { answers, linkIds } : null;
}
