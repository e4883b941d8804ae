import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "../_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <h1>Forgot your password?</h1>
        <p className="muted">Enter the email of your staff account. We’ll email you a link to set a new password.</p>
        <ForgotPasswordForm />
        <p>
          <Link href="/login">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}
