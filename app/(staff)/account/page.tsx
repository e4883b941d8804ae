import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getMfaSummary } from "@/lib/staff/get-mfa-summary";
import { listMySessions } from "@/lib/staff/list-my-sessions";
import { STAFF_ROLES } from "@/lib/staff/schemas";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionList } from "./_components/session-list";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const actor = await requireStaffPage(STAFF_ROLES, "/account");
  const db = await getDb();
  const [sessions, mfa] = await Promise.all([listMySessions(db, actor), getMfaSummary(db, actor)]);
  return (
    <div className="stack account-page">
      <h1>My account</h1>
      <p className="muted">Signed in as {actor.email}.</p>
      <section aria-labelledby="password-title" className="card">
        <h2 id="password-title">Change password</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="mfa-title" className="card">
        <h2 id="mfa-title">Two-step sign-in</h2>
        <p>
          {mfa.enabledAt
            ? `On. ${mfa.recoveryCodesLeft} recovery code${mfa.recoveryCodesLeft === 1 ? "" : "s"} left.`
            : "Off."}{" "}
          <Link href="/account/mfa">{mfa.enabledAt ? "Set up on a new phone" : "Set up two-step sign-in"}</Link>
        </p>
      </section>
      <section aria-labelledby="sessions-title" className="card">
        <h2 id="sessions-title">My sessions</h2>
        <p className="muted">
          Everywhere you are signed in. Sign out any you don’t recognise, then change your password.
        </p>
        <SessionList sessions={sessions} />
      </section>
    </div>
  );
}
