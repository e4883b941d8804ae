// Demo intakes: some upcoming appointments arrive with the form done, so staff screens show
// a red flag to call about, a patient routed to exercise physiology, and a change since last time.
// Stored through the same code as a patient's submission, so summaries are real.
import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import { recordSubmission } from "@/lib/intake/record-submission";
import { completeAnswers } from "@/lib/intake/sample-answers";
import type { Answers } from "@/lib/intake/questionnaire";
import { intakeSubmissionSchema } from "@/lib/intake/schemas";
import type { Db } from "../client";
import * as s from "../schema";
import { SYDNEY } from "./catalog";

interface DemoIntake {
  label: string;
  service: readonly string[];
  answers: Answers;
  /** Sent this long before the seed's "now". */
  hoursAgo: number;
}

const DEMO_INTAKES: readonly DemoIntake[] = [
  { label: "routine runner", service: ["physio-initial"], hoursAgo: 20, answers: completeAnswers() },
  {
    // New numbness in the saddle area after booking: reception must call before the visit.
    label: "red flag",
    service: ["physio-initial"],
    hoursAgo: 3,
    answers: completeAnswers({
      region: "back-of-thigh",
      side: "both",
      onset: "gradual",
      weeks: 3,
      course: "worse",
      "back-pain": true,
      "pins-needles": true,
      radiates: ["below-knee"],
      "rf-saddle-numbness": true,
    }),
  },
  {
    label: "exercise physiology",
    service: ["ep-initial"],
    hoursAgo: 30,
    answers: completeAnswers({
      weeks: 30,
      course: "same",
      treatments: ["shockwave", "physio"],
      "treatment-result": "no-help",
      goal: "daily-activities",
      sport: undefined,
      "function-1": "Sit through a work meeting",
      "function-1-score": 4,
      "function-2": "Drive to work",
      "function-2-score": 5,
      "height-cm": 172,
      "weight-kg": 84,
      sex: "female",
    }),
  },
  {
    label: "tendon tear",
    service: ["physio-initial"],
    hoursAgo: 8,
    answers: completeAnswers({
      region: "buttock",
      onset: "sudden",
      pop: true,
      bruising: true,
      weeks: 0,
      course: "same",
      goal: "return-to-sport",
      sport: "Water skiing",
      diagnosed: false,
      "diagnosed-by": undefined,
      treatments: ["none"],
      "treatment-result": undefined,
    }),
  },
];

// The returning patient: a first form before a visit two weeks ago, a second now, with less pain and more function.
const FOLLOW_UP_BEFORE = completeAnswers({
  weeks: 14,
  course: "same",
  "pain-now": 6,
  "pain-worst": 8,
  "function-1-score": 2,
  "function-2": "Sit through a film",
  "function-2-score": 3,
  goal: "return-to-sport",
});
const FOLLOW_UP_NOW = completeAnswers({
  weeks: 16,
  course: "improving",
  "pain-now": 3,
  "pain-worst": 5,
  "function-1-score": 5,
  "function-2": "Sit through a film",
  "function-2-score": 6,
  goal: "return-to-sport",
});

type Appt = { id: string; patientId: string; dateOfBirth: string | null; startsAt: Date };

async function appointmentsOf(
  db: Db,
  when: "past" | "upcoming",
  now: Date,
  services: readonly string[],
): Promise<Appt[]> {
  return db
    .select({
      id: s.appointments.id,
      patientId: s.appointments.patientId,
      dateOfBirth: s.patients.dateOfBirth,
      startsAt: s.appointments.startsAt,
    })
    .from(s.appointments)
    .innerJoin(s.services, eq(s.services.id, s.appointments.serviceId))
    .innerJoin(s.patients, eq(s.patients.id, s.appointments.patientId))
    .where(
      and(
        inArray(s.services.slug, [...services]),
        inArray(s.appointments.status, when === "past" ? ["completed"] : ["booked"]),
        when === "past"
          ? lt(s.appointments.startsAt, now)
          : gt(s.appointments.startsAt, new Date(now.getTime() + 86_400_000)),
      ),
    )
    .orderBy(asc(s.appointments.startsAt));
}

/** Adds the demo intakes; call once, after the demo appointments exist. */
export async function seedDemoIntakes(db: Db, now: Date): Promise<void> {
  const hoursAgo = (h: number) => DateTime.fromJSDate(now, { zone: SYDNEY }).minus({ hours: h }).toJSDate();
  const used = new Set<string>();
  const store = (a: Appt, answers: Answers, at: Date) => {
    used.add(a.patientId);
    // Parsed as a patient's submission is: a demo answer that the form would refuse fails the seed loudly.
    const clean = intakeSubmissionSchema.parse(answers);
    return recordSubmission(
      db,
      { kind: "patient", appointmentId: a.id },
      { appointmentId: a.id, patientId: a.patientId, dateOfBirth: a.dateOfBirth, timezone: SYDNEY },
      clean,
      at,
    );
  };
  // A patient seen once already and booked again: the follow-up form shows the change since last time.
  const past = await appointmentsOf(db, "past", now, ["physio-initial", "physio-follow-up"]);
  const upcomingPhysio = await appointmentsOf(db, "upcoming", now, ["physio-initial", "physio-follow-up"]);
  const returning = past.find((p) => upcomingPhysio.some((u) => u.patientId === p.patientId));
  if (returning) {
    await store(returning, FOLLOW_UP_BEFORE, DateTime.fromJSDate(returning.startsAt).minus({ days: 1 }).toJSDate());
    await store(
      upcomingPhysio.find((u) => u.patientId === returning.patientId)!,
      FOLLOW_UP_NOW,
      hoursAgo(5),
    );
  }
  for (const intake of DEMO_INTAKES) {
    // Skip the first few so the very next appointments stay without a form, as in a real clinic.
    const candidates = (await appointmentsOf(db, "upcoming", now, intake.service)).filter(
      (a) => !used.has(a.patientId),
    );
    const target = candidates[Math.min(3, candidates.length - 1)];
    if (target) await store(target, intake.answers, hoursAgo(intake.hoursAgo));
  }
}
