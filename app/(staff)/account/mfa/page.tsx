import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getStaffSessionState, MFA_ENROL_PATH } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { startMfaEnrolment } from "@/lib/staff/enrol-mfa";
import { getMfaSummary } from "@/lib/staff/get-mfa-summary";
import { ConfirmMfaForm } from "../_components/confirm-mfa-form";

export const metadata: Metadata = { title: "Two-step sign-in", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** Enrolment in two-step sign-in: the one staff page a member who must enrol can reach. */
export default async function MfaPage() {
  const state = await getStaffSessionState();
  if (!state) redirect(`/login?next=${encodeURIComponent(MFA_ENROL_PATH)}`);
  const summary = await getMfaSummary(await getDb(), state.actor);
  const enrolment = await startMfaEnrolment(state.actor);
  const groups = enrolment.secret.match(/.{1,4}/g)!.join(" ");
  return (
    <div className="stack account-page">
      <h1>Two-step sign-in</h1>
      {state.mustEnrolMfa ? (
        <p className="alert alert--info">Your role needs two-step sign-in. Set it up to continue: it takes a minute.</p>
      ) : summary.enabledAt ? (
        <p className="alert alert--ok">
          Two-step sign-in is on. You have {summary.recoveryCodesLeft} unused recovery code
          {summary.recoveryCodesLeft === 1 ? "" : "s"}. Setting it up again below (for a new phone) replaces your app’s
          code and your recovery codes.
        </p>
      ) : (
        <p className="muted">
          Sign in with your password and a code from an app on your phone, so a stolen password is not enough.
        </p>
      )}
      <section aria-labelledby="enrol-title" className="card stack">
        <h2 id="enrol-title">{summary.enabledAt ? "Set up on a new phone" : "Set up your authenticator app"}</h2>
        <ol className="stack">
          <li>Open an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password).</li>
          <li>
            Scan this QR code with it.
            <div
              className="mfa-qr"
              role="img"
              aria-label="QR code for your authenticator app"
              dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            />
            Can’t scan? Enter this key instead:{" "}
            <code data-testid="mfa-secret" data-secret={enrolment.secret}>
              {groups}
            </code>
          </li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <ConfirmMfaForm sealed={enrolment.sealed} />
      </section>
      {state.mustEnrolMfa ? null : (
        <p>
          <Link href="/account">Back to my account</Link>
        </p>
      )}
    </div>
  );
}
