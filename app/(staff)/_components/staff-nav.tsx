"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { StaffRole } from "@/lib/staff/schemas";

const LINKS: { href: string; label: string; roles: StaffRole[]; outbox?: true }[] = [
  { href: "/calendar", label: "Calendar", roles: ["admin", "reception"] },
  { href: "/my-day", label: "My day", roles: ["practitioner"] },
  { href: "/my-week", label: "My week", roles: ["practitioner"] },
  { href: "/my-calendar", label: "My calendar", roles: ["practitioner"] },
  { href: "/needs-a-call", label: "Needs a call", roles: ["admin", "reception"] },
  { href: "/patients", label: "Patients", roles: ["admin", "reception"] },
  { href: "/waitlist", label: "Wait list", roles: ["admin", "reception"] },
  // one entry for the whole clinic setup; its hub lists locations, services, practitioners, rosters, leave and staff
  { href: "/admin/setup", label: "Setup", roles: ["admin"] },
  { href: "/admin/reports", label: "Reports", roles: ["admin"] },
  { href: "/admin/audit", label: "Audit log", roles: ["admin"] },
  { href: "/admin/notifications", label: "Failed emails", roles: ["admin"] },
  { href: "/admin/outbox", label: "Outbox", roles: ["admin"], outbox: true },
];

const SETUP_PAGES = [
  "/admin/setup",
  "/admin/settings",
  "/admin/locations",
  "/admin/services",
  "/admin/practitioners",
  "/admin/rosters",
  "/admin/leave",
  "/admin/staff",
];

/**
 * `outbox`: no mail server is configured, so emails wait in the admin's outbox. `needsCall`: how many patients wait
 * for a call, shown on every staff page so a red flag never waits for someone to open the right day.
 */
export function StaffNav({
  role,
  outbox = false,
  needsCall = 0,
}: {
  role: StaffRole;
  outbox?: boolean;
  needsCall?: number;
}) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/admin/setup" ? SETUP_PAGES.some((p) => pathname.startsWith(p)) : pathname.startsWith(href);
  return (
    <nav aria-label="Staff" className="staff-nav">
      {LINKS.filter((l) => l.roles.includes(role) && (outbox || !l.outbox)).map((l) => (
        <Link key={l.href} href={l.href} aria-current={current(l.href) ? "page" : undefined}>
          {l.label}
          {l.href === "/needs-a-call" && needsCall > 0 ? (
            <>
              {" "}
              <span className="nav-count" aria-hidden="true">
                {needsCall}
              </span>
              <span className="visually-hidden">({needsCall} waiting)</span>
            </>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
