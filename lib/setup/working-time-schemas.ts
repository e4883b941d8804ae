import { z } from "zod";
import { localDateSchema, offsetDateTimeSchema, slugSchema } from "@/lib/scheduling/schemas";
import { lineString } from "@/lib/validation/text";

// One schema, two uses: the admin roster and leave screens' zodResolver and the API routes parse with these.

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const wallTimeSchema = z.string().regex(TIME, "Enter a time as HH:MM, e.g. 09:00");

export const breakSchema = z.object({ start: wallTimeSchema, end: wallTimeSchema });

export const shiftSchema = z
  .object({
    week: z.number("Choose a week").int().min(1, "Weeks start at 1").max(4, "At most 4 weeks").default(1),
    weekday: z.number("Choose a day").int().min(1, "Choose a day").max(7, "Choose a day"),
    start: wallTimeSchema,
    end: wallTimeSchema,
    breaks: z.array(breakSchema).max(6, "At most 6 breaks in a shift").default([]),
    /** A block kept for one service (a group class); omitted or null = time for any service. */
    service: slugSchema.nullable().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) ctx.addIssue({ code: "custom", path: ["end"], message: "End after the start" });
    const sorted = s.breaks.map((b, i) => ({ ...b, i })).sort((a, b) => (a.start < b.start ? -1 : 1));
    sorted.forEach((b, k) => {
      if (b.end <= b.start)
        ctx.addIssue({ code: "custom", path: ["breaks", b.i, "end"], message: "End after the start" });
      else if (b.start < s.start || b.end > s.end)
        ctx.addIssue({ code: "custom", path: ["breaks", b.i, "start"], message: "Keep the break inside the shift" });
      else if (k > 0 && b.start < sorted[k - 1]!.end)
        ctx.addIssue({ code: "custom", path: ["breaks", b.i, "start"], message: "Breaks overlap" });
    });
  });

export const setRosterSchema = z
  .object({
    location: slugSchema,
    validFrom: localDateSchema,
    validTo: localDateSchema.nullable().default(null),
    rotationWeeks: z.number("Choose 1 to 4 weeks").int().min(1, "1 to 4 weeks").max(4, "1 to 4 weeks").default(1),
    shifts: z.array(shiftSchema).max(100, "At most 100 shifts"),
  })
  .superRefine((r, ctx) => {
    if (r.validTo !== null && r.validTo < r.validFrom)
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "End on or after the first day" });
    r.shifts.forEach((s, i) => {
      if (s.week > r.rotationWeeks)
        ctx.addIssue({
          code: "custom",
          path: ["shifts", i, "week"],
          message: `Choose a week from 1 to ${r.rotationWeeks}`,
        });
      const clash = r.shifts.findIndex(
        (o, j) => j < i && o.week === s.week && o.weekday === s.weekday && o.start < s.end && s.start < o.end,
      );
      if (clash >= 0)
        ctx.addIssue({ code: "custom", path: ["shifts", i, "start"], message: "Overlaps another shift that day" });
    });
  });
export type SetRosterInput = z.input<typeof setRosterSchema>;
export type SetRosterValues = z.output<typeof setRosterSchema>;

export const rosterQuerySchema = z.object({ location: slugSchema });

const reasonSchema = lineString().trim().max(200, "At most 200 characters");

/** Leave: two instants with an offset, or two dates (whole days, both included). */
export const addLeaveSchema = z
  .object({
    start: z.union([localDateSchema, offsetDateTimeSchema], "Enter a date (YYYY-MM-DD) or a time with an offset"),
    end: z.union([localDateSchema, offsetDateTimeSchema], "Enter a date (YYYY-MM-DD) or a time with an offset"),
    reason: reasonSchema.optional(),
  })
  .superRefine((l, ctx) => {
    const wholeDays = l.start.length === 10;
    if (wholeDays !== (l.end.length === 10))
      ctx.addIssue({ code: "custom", path: ["end"], message: "Use dates for both ends, or times for both" });
    else if (wholeDays ? l.end < l.start : Date.parse(l.end) <= Date.parse(l.start))
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: wholeDays ? "End on or after the start" : "End after the start",
      });
  });
export type AddLeaveInput = z.input<typeof addLeaveSchema>;

export const addClosureSchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    reason: reasonSchema.min(1, "Say why the location is closed"),
  })
  .superRefine((c, ctx) => {
    if (c.to < c.from) ctx.addIssue({ code: "custom", path: ["to"], message: "End on or after the first day" });
  });
export type AddClosureInput = z.input<typeof addClosureSchema>;

/** Path ids are uuids; anything else is simply not found. */
export const idSchema = z.uuid();

/** `?dryRun=1` (or `true`) on a change: answer as if made, change nothing. */
export function isDryRun(params: Record<string, string>): boolean {
  return params.dryRun === "1" || params.dryRun === "true";
}
