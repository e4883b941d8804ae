"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Setup's sub-navigation: the hub, then each page of the clinic's set-up (rosters, leave and staff are their own pages).
const LINKS = [
  { href: "/admin/setup", label: "Overview" },
  { href: "/admin/settings", label: "Group details" },
  { href: "/admin/locations", label: "Locations" },
  { href: "/admin/services", label: "Services" },
  { href: "/admin/practitioners", label: "Practitioners" },
  { href: "/admin/rosters", label: "Rosters" },
  { href: "/admin/leave", label: "Leave & closures" },
  { href: "/admin/staff", label: "Staff" },
];

export function SetupNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Setup" className="setup-nav">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
