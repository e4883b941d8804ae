// One schema, two uses: the admin screens' forms (zodResolver) and the staff admin API parse these same shapes.
import { z } from "zod";

export const DISCIPLINES = ["sports-physio", "exercise-physiology"] as const;
export type Discipline = (typeof DISCIPLINES)[number];
export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  "sports-physio": "Sports physiotherapy",
  "exercise-physiology": "Exercise physiology",
};

export const slugSchema = z
  .string({ error: "Enter a short name for links" })
  .trim()
  .min(1, "Enter a short name for links")
  .max(60, "Use at most 60 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. north-sydney");

const name = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(120, "Use at most 120 characters");

/** Optional text: a blank answer is stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const phone = z
  .string()
  .trim()
  .max(30, "Use at most 30 characters")
  .regex(/^[0-9+()\s-]*$/, "Use digits, spaces, brackets, + and - only")
  .nullish()
  .transform((v) => (v ? v : null));

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

export const timezoneSchema = z
  .string({ error: "Choose a time zone" })
  .trim()
  .min(1, "Choose a time zone")
  .refine(isTimeZone, "Choose a time zone from the list, e.g. Australia/Sydney");

/** The code's shape here; the server also checks it is a region the holiday library knows (holiday-regions.ts). */
export const holidayRegionSchema = z
  .string({ error: "Choose the public-holiday region" })
  .trim()
  .regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, "Choose the public-holiday region");

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${label} as a whole number` })
    .int(`Enter ${label} as a whole number`)
    .min(min, `Use at least ${min}`)
    .max(max, `Use at most ${max}`);

const slugList = (what: string) =>
  z
    .array(slugSchema, { error: `Choose at least one ${what}` })
    .min(1, `Choose at least one ${what}`)
    .max(50)
    .transform((l) => [...new Set(l)]);

// ---------- locations ----------

const locationFields = {
  name: name("location's name"),
  address: optionalText(200),
  phone,
  holidayRegion: holidayRegionSchema,
};

export const locationCreateSchema = z
  .object({
    slug: slugSchema,
    ...locationFields,
    timezone: timezoneSchema,
    online: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.online && !v.address)
      ctx.addIssue({ code: "custom", path: ["address"], message: "Enter the address patients come to" });
  });
export type LocationCreateInput = z.input<typeof locationCreateSchema>;

export const locationUpdateSchema = z.object({
  name: locationFields.name.optional(),
  address: locationFields.address.optional(),
  phone: phone.optional(),
  holidayRegion: holidayRegionSchema.optional(),
  active: z.boolean().optional(),
});
export type LocationUpdateInput = z.input<typeof locationUpdateSchema>;

// ---------- services ----------

const serviceRules = {
  name: name("service's name"),
  description: z.string().trim().max(500, "Use at most 500 characters").optional(),
  discipline: z.enum(DISCIPLINES, { error: "Choose a discipline" }),
  durationMinutes: int("the duration", 5, 480),
  capacity: int("the capacity", 1, 100),
  bufferBeforeMinutes: int("the buffer", 0, 240),
  bufferAfterMinutes: int("the buffer", 0, 240),
  minimumNoticeMinutes: int("the notice", 0, 20160),
  horizonDays: int("the horizon", 1, 730),
  cancellationWindowHours: int("the window", 0, 720),
  feeCents: int("the fee in cents", 0, 10_000_000).nullable(),
  online: z.boolean(),
  bookableOnline: z.boolean(),
  locations: slugList("location"),
};

export const serviceCreateSchema = z.object({
  slug: slugSchema,
  ...serviceRules,
  capacity: serviceRules.capacity.default(1),
  bufferBeforeMinutes: serviceRules.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: serviceRules.bufferAfterMinutes.default(0),
  minimumNoticeMinutes: serviceRules.minimumNoticeMinutes.default(120),
  horizonDays: serviceRules.horizonDays.default(56),
  cancellationWindowHours: serviceRules.cancellationWindowHours.default(24),
  feeCents: serviceRules.feeCents.default(null),
  online: serviceRules.online.default(false),
  bookableOnline: serviceRules.bookableOnline.default(true),
});
export type ServiceCreateInput = z.input<typeof serviceCreateSchema>;

export const serviceUpdateSchema = z.object(serviceRules).partial().extend({ active: z.boolean().optional() });
export type ServiceUpdateInput = z.input<typeof serviceUpdateSchema>;

// ---------- practitioners ----------

/** AHPRA registration numbers: the profession's three letters, then ten digits (PHY0001234567). */
export const AHPRA_NUMBER = /^[A-Z]{3}[0-9]{10}$/;
const AHPRA_MESSAGE = "Enter 3 letters and 10 digits, as on the AHPRA register, e.g. PHY0001234567";

/** Blank clears it (null); absent leaves it as it is. */
export const ahpraNumberSchema = z
  .string({ error: AHPRA_MESSAGE })
  .trim()
  .toUpperCase()
  .refine((v) => v === "" || AHPRA_NUMBER.test(v.replace(/\s+/g, "")), AHPRA_MESSAGE)
  .transform((v) => v.replace(/\s+/g, "") || null)
  .nullable()
  .optional();

const practitionerFields = {
  name: name("practitioner's name"),
  title: z.string().trim().max(120, "Use at most 120 characters").optional(),
  bio: z.string().trim().max(1000, "Use at most 1000 characters").optional(),
  qualifications: z.string().trim().max(200, "Use at most 200 characters").optional(),
  ahpraNumber: ahpraNumberSchema,
  locations: slugList("location"),
};

export const practitionerCreateSchema = z.object({
  slug: slugSchema,
  ...practitionerFields,
  discipline: z.enum(DISCIPLINES, { error: "Choose a discipline" }),
  // with an email, a practitioner staff account is invited (lib/staff: inviteStaff)
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "Use at most 254 characters")
    .email("Enter a valid email")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type PractitionerCreateInput = z.input<typeof practitionerCreateSchema>;

export const practitionerUpdateSchema = z.object({
  name: practitionerFields.name.optional(),
  title: practitionerFields.title,
  bio: practitionerFields.bio,
  qualifications: practitionerFields.qualifications,
  ahpraNumber: practitionerFields.ahpraNumber,
  locations: practitionerFields.locations.optional(),
  active: z.boolean().optional(),
});
export type PractitionerUpdateInput = z.input<typeof practitionerUpdateSchema>;

// ---------- the group's identity ----------

export const clinicIdentitySchema = z.object({
  name: name("clinic group's name").optional(),
  phone: z
    .string({ error: "Enter the group's phone number" })
    .trim()
    .min(1, "Enter the group's phone number")
    .max(30, "Use at most 30 characters")
    .regex(/^[0-9+()\s-]*$/, "Use digits, spaces, brackets, + and - only")
    .optional(),
  senderEmail: z
    .string({ error: "Enter the address emails come from" })
    .trim()
    .toLowerCase()
    .email("Enter a valid email")
    .max(254)
    .optional(),
  publicBaseUrl: z
    .string({ error: "Enter the web address patients use" })
    .trim()
    .url("Enter the full web address, e.g. https://book.example.com")
    .refine((u) => /^https?:\/\//.test(u), "Start with https://")
    .transform((u) => new URL(u).origin)
    .optional(),
});
export type ClinicIdentityInput = z.input<typeof clinicIdentitySchema>;
