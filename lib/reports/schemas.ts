// The report's query (the API's search parameters and the page's filter form parse the same schema) and its answer.
import { z } from "zod";
import { ROUTES } from "@/lib/intake/triage";
import { MAX_DATE, MIN_DATE } from "@/lib/scheduling/schemas";

export const MAX_REPORT_DAYS = 365;

const localDate = z
  .string({ error: "Choose a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-01-04")
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, "That is not a real date")
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, `Use a date from ${MIN_DATE} to ${MAX_DATE}`);

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const slug = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(100, "Choose one from the list")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Choose one from the list")
    .optional(),
);

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const reportQuerySchema = z
  .object({ from: localDate, to: localDate, location: slug, practitioner: slug })
  .refine((q) => q.to >= q.from, { message: "The end date must not be before the start", path: ["to"] })
  .refine((q) => q.to < q.from || days(q.from, q.to) <= MAX_REPORT_DAYS, {
    message: `Choose at most ${MAX_REPORT_DAYS} days after the start`,
    path: ["to"],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The keys of `bySource`: how an appointment was made (phone and staff bookings are both "phone"). */
export const REPORT_SOURCES = ["online", "phone", "waitlist", "booking-referral", "import"] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export const REPORT_ROUTES = ROUTES;

export interface Utilisation {
  availableMinutes: number;
  bookedMinutes: number;
  ratio: number;
}

export interface PractitionerRow extends Utilisation {
  practitioner: string;
  attended: number;
  noShow: number;
  cancelled: number;
}

/** The API's answer, exactly as in spec/api.md "Reports (admin only)". */
export interface ReportSummary {
  from: string;
  to: string;
  utilisation: Utilisation;
  appointments: { total: number; attended: number; noShow: number; cancelled: number; lateCancelled: number };
  newPatients: number;
  bySource: Record<ReportSource, number>;
  intake: { due: number; completedBeforeStart: number; ratio: number };
  routes: Record<(typeof ROUTES)[number], number>;
  practitioners: PractitionerRow[];
}

/** What the page draws besides the summary: names, utilisation per location, and weekly series. */
export interface ReportDetail extends ReportSummary {
  practitionerNames: Record<string, string>;
  locations: (Utilisation & { location: string; name: string })[];
  /** One row per ISO week (Monday) that overlaps the range, clipped to it. */
  weeks: (Utilisation & { week: string; newPatients: number })[];
}

export const CSV_HEADER = "practitioner,availableMinutes,bookedMinutes,ratio,attended,noShow,cancelled";
