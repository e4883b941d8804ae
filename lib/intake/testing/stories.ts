// Realistic patient stories with the outcome the clinic expects, hand-written from
// shared/spec/intake.md. Exported so the HTTP API tests can replay them too.
import { FLAGGED_STORIES } from "./stories-flagged";
import { ROUTINE_STORIES } from "./stories-routine";
import type { PatientStory } from "./stories-types";

export type { PatientStory } from "./stories-types";

export const PATIENT_STORIES: readonly PatientStory[] = [...FLAGGED_STORIES, ...ROUTINE_STORIES];
