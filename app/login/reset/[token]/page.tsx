import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { resetLinkIsUsable } from "@/lib/staff/reset-password";
import { ResetPasswordForm } from "../../_components/reset-password-form";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await resetLinkIsUsable(await getDb(), token);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <h1>Set a new password</h1>
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="alert alert--error">
            This link has expired or has been used. <Link href="/login/forgot">Ask for a new one</Link>.
          </p>
        )}
      </div>
    </main>
  );
}
