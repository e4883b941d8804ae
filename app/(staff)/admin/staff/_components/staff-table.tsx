"use client";

import { useState, useTransition } from "react";
import type { PractitionerChoice } from "@/lib/setup/list-practitioner-choices";
import type { StaffDto } from "@/lib/setup/staff-schemas";
import { dateTime } from "../../../_clinical/format";
import { DialogActions, Modal } from "../../../calendar/_components/modal";
import { resendInvitationAction, sendResetLinkAction, type StaffResult, updateStaffAction } from "../actions";
import { ChangeRoleForm } from "./change-role-form";

const ROLE: Record<StaffDto["role"], string> = { admin: "Admin", reception: "Reception", practitioner: "Practitioner" };

function StatusBadge({ s, zone, now }: { s: StaffDto; zone: string; now: string }) {
  if (s.status === "deactivated") return <span className="badge badge--neutral">Deactivated</span>;
  if (s.status === "active") return <span className="badge badge--ok">Active</span>;
  const expired = !s.invitationExpiresAt || s.invitationExpiresAt <= now;
  return (
    <>
      <span className={`badge ${expired ? "badge--warn" : "badge--info"}`}>
        {expired ? "Invitation expired" : "Invited"}
      </span>
      {!expired && s.invitationExpiresAt ? (
        <span className="clin-small muted"> until {dateTime(s.invitationExpiresAt, zone)}</span>
      ) : null}
    </>
  );
}

type Dialog = { kind: "role" | "deactivate"; staff: StaffDto } | null;

export function StaffTable({
  staff,
  practitioners,
  me,
  zone,
  now,
}: {
  staff: StaffDto[];
  practitioners: PractitionerChoice[];
  /** The signed-in admin's id: their own row offers no role change or deactivation. */
  me: string;
  /** The clinic's zone for times, and the server's "now" as an ISO instant (so the page renders alike on both sides). */
  zone: string;
  now: string;
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<StaffResult | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const act = (fn: () => Promise<StaffResult>, closeDialog = false) =>
    startTransition(async () => {
      setDialogError(null);
      const r = await fn();
      if (closeDialog && !r.ok) return setDialogError(r.message);
      setNotice(r);
      if (closeDialog) setDialog(null);
    });

  const others = staff.filter((s) => s.id !== me);
  return (
    <section aria-labelledby="staff-title" className="panel panel--flush">
      <div className="panel__bar">
        <h2 id="staff-title" className="panel__title">
          Accounts
        </h2>
        <p className="muted clin-small">
          {staff.length} account{staff.length === 1 ? "" : "s"}
        </p>
      </div>
      <div role="status" aria-live="polite" className={notice ? "notice-in-panel" : undefined}>
        {notice ? <p className={`alert ${notice.ok ? "alert--ok" : "alert--error"}`}>{notice.message}</p> : null}
      </div>
      {others.length === 0 ? (
        <p className="empty">Only you so far. Invite reception, practitioners and other admins above.</p>
      ) : null}
      <div className="clin-table-wrap">
        <table className="clin-table clin-table--cards">
          <caption className="visually-hidden">Staff accounts, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <strong>{s.name}</strong>
                  {s.id === me ? <span className="muted"> (you)</span> : null}
                  <br />
                  <span className="muted clin-small">{s.email}</span>
                </th>
                <td data-label="Role">
                  {ROLE[s.role]}
                  {s.practitionerName ? <span className="muted clin-small"> · {s.practitionerName}</span> : null}
                </td>
                <td data-label="Status">
                  <StatusBadge s={s} zone={zone} now={now} />
                </td>
                <td data-label="Last sign-in" className="nowrap">
                  {s.lastSignInAt ? dateTime(s.lastSignInAt, zone) : <span className="muted">Never</span>}
                </td>
                <td data-label="Actions">
                  <div className="badge-row">
                    {s.id !== me && s.status !== "deactivated" ? (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        onClick={() => setDialog({ kind: "role", staff: s })}
                      >
                        Change role<span className="visually-hidden"> of {s.name}</span>
                      </button>
                    ) : null}
                    {s.status === "invited" ? (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        disabled={pending}
                        onClick={() => act(() => resendInvitationAction(s.id))}
                      >
                        Resend invitation<span className="visually-hidden"> to {s.name}</span>
                      </button>
                    ) : null}
                    {s.status === "active" ? (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        disabled={pending}
                        onClick={() => act(() => sendResetLinkAction(s.id))}
                      >
                        Send reset link<span className="visually-hidden"> to {s.name}</span>
                      </button>
                    ) : null}
                    {s.id !== me && s.status !== "deactivated" ? (
                      <button
                        type="button"
                        className="button button--ghost button--small button--danger-text"
                        onClick={() => setDialog({ kind: "deactivate", staff: s })}
                      >
                        Deactivate<span className="visually-hidden"> {s.name}</span>
                      </button>
                    ) : null}
                    {s.status === "deactivated" ? (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        disabled={pending}
                        onClick={() => act(() => updateStaffAction(s.id, { active: true }))}
                      >
                        Reactivate<span className="visually-hidden"> {s.name}</span>
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog?.kind === "deactivate" ? (
        <Modal
          title={`Deactivate ${dialog.staff.name}?`}
          description="They are signed out everywhere at once and can no longer sign in. Their past work stays in the records; you can reactivate the account later."
          onClose={() => setDialog(null)}
        >
          <DialogActions error={dialogError}>
            <button type="button" className="button button--ghost" onClick={() => setDialog(null)}>
              Keep the account
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={pending}
              data-autofocus
              onClick={() => act(() => updateStaffAction(dialog.staff.id, { active: false }), true)}
            >
              {pending ? "Deactivating…" : "Deactivate and sign out"}
            </button>
          </DialogActions>
        </Modal>
      ) : null}
      {dialog?.kind === "role" ? (
        <Modal title={`Change the role of ${dialog.staff.name}`} onClose={() => setDialog(null)}>
          <ChangeRoleForm
            staff={dialog.staff}
            practitioners={practitioners}
            onDone={(message) => {
              setNotice({ ok: true, message });
              setDialog(null);
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
    </section>
  );
}
