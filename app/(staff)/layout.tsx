import Link from "next/link";
import { getStaffActor } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { outboxVisible } from "@/lib/notifications/outbox";
import { countNeedsCall } from "@/lib/staff/list-needs-call";
import { pageClinicIdentity } from "../_components/clinic-identity";
import { SignOutButton } from "./_components/sign-out-button";
import { StaffNav } from "./_components/staff-nav";

/** The staff shell. Each page still checks the role itself (requireStaffPage); this only draws the frame. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await getStaffActor();
  const [needsCall, group] = await Promise.all([
    actor && actor.role !== "practitioner" ? getDb().then(countNeedsCall) : 0,
    pageClinicIdentity(),
  ]);
  return (
    <div className="staff-shell">
      <header className="staff-header">
        <Link href="/staff" className="brand">
          <span className="brand__mark" aria-hidden="true">
            {group.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="brand__name">{group.name} · Staff</span>
        </Link>
        {actor ? (
          <>
            <StaffNav role={actor.role} outbox={outboxVisible()} needsCall={needsCall} />
            <div className="staff-user">
              <span className="staff-user__name">
                {actor.name} <span className="muted">({actor.role})</span>
              </span>
              <Link href="/account" className="button button--ghost button--small">
                My account
              </Link>
              <SignOutButton />
            </div>
          </>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="staff-main">
        {children}
      </main>
    </div>
  );
}
