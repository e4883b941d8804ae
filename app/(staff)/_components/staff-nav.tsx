"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { StaffRole } from "@/lib/staff/schemas";

const LINKS: { href: string; label: string; roles: StaffRole[]; outbox?: true }[] = [
  { href: "/calendar", label: "Calendar", roles: ["admin", "reception"] },
  { href: "/my-day", label: "My day", roles: ["practitioner"] },
  { href: "/my-week", label: "My week", roles: ["practitioner"] },
  { href: "/patients", label: "Patients", roles: ["admin", "reception"] },
  { href: "/admin/audit", label: "Audit log", roles: ["admin"] },
  { href: "/admin/notifications", label: "Failed emails", roles: ["admin"] },
  { href: "/admin/outbox", label: "Outbox", roles: ["admin"], outbox: true },
];

/** `outbox`: no mail server is configured, so emails wait in the admin's outbox. */
export function StaffNav({ role, outbox = false }: { role: StaffRole; outbox?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Staff" className="staff-nav">
      {LINKS.filter((l) => l.roles.includes(role) && (outbox || !l.outbox)).map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname.startsWith(l.href) ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
