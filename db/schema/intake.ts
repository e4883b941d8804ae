import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { patients } from "./patients";
import { staffUsers } from "./staff";
import { intakeStatusEnum } from "./types";

/** A "help me choose" result, kept so that a booking can refer to it. */
export const triages = pgTable("triages", {
  id: uuid("id").primaryKey().defaultRandom(),
  answers: jsonb("answers").notNull(),
  age: integer("age"),
  rulesVersion: text("rules_version").notNull(),
  route: text("route").notNull(),
  result: jsonb("result").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** When the patient, stopped by a red flag, asked for the "please call us" email (at most once per triage). */
  callUsRequestedAt: timestamp("call_us_requested_at", { withTimezone: true }),
});

/** Versioned questionnaire responses: a draft is saved as the patient goes; each submission is a new version. */
export const intakeResponses = pgTable(
  "intake_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    version: integer("version").notNull(),
    status: intakeStatusEnum("status").notNull().default("in-progress"),
    questionnaireVersion: text("questionnaire_version").notNull(),
    answers: jsonb("answers").notNull(),
    // the FHIR R4 QuestionnaireResponse as stored on submission
    response: jsonb("response"),
    summary: jsonb("summary"),
    route: text("route"),
    needsCall: boolean("needs_call").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => staffUsers.id),
  },
  (t) => [
    unique("intake_appointment_version").on(t.appointmentId, t.version),
    check("intake_version_positive", sql`${t.version} >= 1`),
    check("intake_submitted_when_completed", sql`(${t.status} = 'completed') = (${t.submittedAt} is not null)`),
    index("intake_patient_idx").on(t.patientId, t.submittedAt),
  ],
);
