import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getStaffSessionState, MFA_ENROL_PATH } from "@/lib/auth";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { HOME_FOR_ROLE } from "@/lib/staff/schemas";
import { pageClinicIdentity } from "../_components/clinic-identity";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Staff sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string }>;
}) {
  const next = safeNextPath((await searchParams).next);
  const [state, group] = await Promise.all([getStaffSessionState(), pageClinicIdentity()]);
  if (state) redirect(state.mustEnrolMfa ? MFA_ENROL_PATH : (next ?? HOME_FOR_ROLE[state.actor.role]));
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            {group.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="brand__name">{group.name}</span>
        </Link>
        <h1>Staff sign in</h1>
        <p className="muted">
          For reception, practitioners and clinic managers. Patients don’t need an account: use the link in your booking
          email.
        </p>
        <SignInForm next={next} />
        <p>
          <Link href="/login/forgot">Forgot password?</Link>
        </p>
      </div>
    </main>
  );
}
