"use client";

import { useState } from "react";
import type { ResendInput } from "@/lib/staff/reception-schemas";
import { messageOf, staffFetch } from "../../calendar/_components/staff-api";

const SENT: Record<ResendInput["kind"], string> = { confirmation: "Confirmation", intake: "Intake link" };

/** Sends an upcoming appointment's confirmation or intake link again, through the email queue. */
export function ResendButtons({
  appointmentId,
  when,
  intakeOpen,
}: {
  appointmentId: string;
  when: string;
  intakeOpen: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const resend = async (kind: ResendInput["kind"]) => {
    setBusy(true);
    setStatus(null);
    try {
      const { resend } = await staffFetch<{ resend: { rotated: string[] } }>(
        `/api/v1/staff/appointments/${appointmentId}/resend`,
        { method: "POST", body: { kind } },
      );
      const renewed = resend.rotated.length
        ? ` A new ${resend.rotated.map((l) => (l === "manage" ? "booking" : "intake")).join(" and ")} link was issued; the earlier one no longer works.`
        : "";
      setStatus({ ok: true, message: `${SENT[kind]} queued to send.${renewed}` });
    } catch (error) {
      setStatus({ ok: false, message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <span className="button-row">
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={busy}
          aria-label={`Resend confirmation for ${when}`}
          onClick={() => resend("confirmation")}
        >
          Resend confirmation
        </button>
        {intakeOpen ? (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            aria-label={`Resend intake link for ${when}`}
            onClick={() => resend("intake")}
          >
            Resend intake link
          </button>
        ) : null}
      </span>
      <span role="status" className={`resend-status ${status && !status.ok ? "field-error" : ""}`}>
        {status?.message}
      </span>
    </>
  );
}
