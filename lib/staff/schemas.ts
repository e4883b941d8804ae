import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email").email("Enter a valid email"),
  password: z
    .string()
    .min(1, "Enter your password")
    .refine((p) => [...p].length <= 128, "That password is too long"),
  // the second step: a TOTP or recovery code, checked on the server (lib/staff/second-factor.ts)
  code: z.string().trim().max(32).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const STAFF_ROLES = ["admin", "reception", "practitioner"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Where each role lands after signing in. */
export const HOME_FOR_ROLE: Record<StaffRole, string> = {
  admin: "/calendar",
  reception: "/calendar",
  practitioner: "/my-day",
};
