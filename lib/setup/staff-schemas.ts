// Staff accounts: the shapes the admin screen's forms (zodResolver) and the API parse alike.
import { z } from "zod";
import { slugSchema } from "@/lib/scheduling/schemas";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { lineString, PERSON_NAME } from "@/lib/validation/text";

export const STAFF_STATUSES = ["invited", "active", "deactivated"] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** Hours an emailed invitation stays usable. */
export const INVITATION_HOURS = 72;

const roleSchema = z.enum(STAFF_ROLES, { message: "Choose admin, reception or practitioner" });
// The form's select sends "" for "none"; the API may leave the field out.
const practitionerSlug = z
  .union([z.literal(""), slugSchema])
  .optional()
  .transform((v) => v || undefined);

const NEEDS_PRACTITIONER = "Choose the practitioner this account is for";
const ONLY_PRACTITIONERS = "Only a practitioner account is linked to a practitioner";

export const inviteStaffSchema = z
  .object({
    email: z
      .string({ message: "Enter an email" })
      .trim()
      .toLowerCase()
      .min(1, "Enter an email")
      .max(254, "That email is too long")
      .email("Enter a valid email"),
    name: lineString()
      .trim()
      .min(1, "Enter their name")
      .max(80, "Use at most 80 characters")
      .regex(PERSON_NAME, "Use letters, spaces, hyphens and apostrophes only"),
    role: roleSchema,
    practitioner: practitionerSlug,
  })
  .superRefine((v, ctx) => {
    if (v.role === "practitioner" && !v.practitioner)
      ctx.addIssue({ code: "custom", path: ["practitioner"], message: NEEDS_PRACTITIONER });
    if (v.role !== "practitioner" && v.practitioner)
      ctx.addIssue({ code: "custom", path: ["practitioner"], message: ONLY_PRACTITIONERS });
  });
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;
export type InviteStaff = z.output<typeof inviteStaffSchema>;

/** PATCH: a new role (with `practitioner` when it is practitioner), or `active` to deactivate or reactivate. */
export const updateStaffSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean({ message: "Use true or false" }).optional(),
    practitioner: practitionerSlug,
  })
  .superRefine((v, ctx) => {
    if (v.role === undefined && v.active === undefined)
      ctx.addIssue({ code: "custom", path: ["role"], message: "Give a new role, or active: true or false" });
    if (v.role === "practitioner" && !v.practitioner)
      ctx.addIssue({ code: "custom", path: ["practitioner"], message: NEEDS_PRACTITIONER });
    if (v.role !== undefined && v.role !== "practitioner" && v.practitioner)
      ctx.addIssue({ code: "custom", path: ["practitioner"], message: ONLY_PRACTITIONERS });
    if (v.role === undefined && v.practitioner)
      ctx.addIssue({ code: "custom", path: ["role"], message: "Give the role with the practitioner" });
  });
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;

/** What the API and the screen show of an account: never its password, codes or tokens. */
export interface StaffDto {
  id: string;
  email: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  /** The linked practitioner's slug (practitioner accounts only). */
  practitioner: string | null;
  practitionerName: string | null;
  status: StaffStatus;
  lastSignInAt: string | null;
  /** When the newest unused invitation runs out (invited accounts), else null. */
  invitationExpiresAt: string | null;
  createdAt: string;
}
