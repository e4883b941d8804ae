import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getStaffActor } from "@/lib/auth";
import { HOME_FOR_ROLE } from "@/lib/staff/schemas";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Staff sign in" };

/** Only same-site paths are followed after signing in. */
function safeNext(next: string | undefined): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next } = await searchParams;
  const actor = await getStaffActor();
  if (actor) redirect(safeNext(next) ?? HOME_FOR_ROLE[actor.role]);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">H</span>
          <span className="brand__name">Harbour Physio Group</span>
        </Link>
        <h1>Staff sign in</h1>
        <p className="muted">For reception, practitioners and clinic managers. Patients don’t need an account: use the link in your booking email.</p>
        <SignInForm next={safeNext(next)} />
      </div>
    </main>
  );
}
