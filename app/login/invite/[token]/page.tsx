import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { invitationFor } from "@/lib/setup/accept-invitation";
import { ResetPasswordForm } from "../../_components/reset-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitee = await invitationFor(await getDb(), token);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <h1>Set your password</h1>
        {invitee ? (
          <>
            <p>
              Welcome, {invitee.name}. Choose a password for <strong>{invitee.email}</strong>; you sign in with these
              from now on.
            </p>
            <ResetPasswordForm token={token} purpose="invite" />
          </>
        ) : (
          <div className="alert alert--error">
            <p>This invitation has expired or has been used.</p>
            <p>
              Invitations work once, for 72 hours. Ask the clinic manager to send you a new one. If you have already set
              your password, <Link href="/login">sign in</Link>.
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
