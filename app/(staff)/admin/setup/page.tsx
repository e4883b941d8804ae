import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getSetupProgress, type SetupStep } from "@/lib/setup/get-setup-progress";
import { SetupNav } from "../_setup/setup-nav";
import "../../_clinical/clinical.css";
import "../../reception.css";
import "../_setup/setup.css";

export const metadata: Metadata = { title: "Setup" };

const STEPS: { step: SetupStep; label: string; href: string; what: string }[] = [
  { step: "group", label: "Group details", href: "/admin/settings", what: "Name, phone and addresses patients see" },
  { step: "location", label: "A location", href: "/admin/locations", what: "Where patients come, with its time zone" },
  { step: "service", label: "A service", href: "/admin/services", what: "What patients book, and where" },
  { step: "practitioner", label: "A practitioner", href: "/admin/practitioners", what: "Who treats, and where" },
  { step: "roster", label: "A roster", href: "/admin/rosters", what: "When each practitioner works" },
  { step: "patient", label: "See it as a patient", href: "/book", what: "Open the booking page and find a time" },
];

/** The setup hub: the first-run checklist, each step ticked from what the clinic holds now. */
export default async function SetupPage() {
  const actor = await requireStaffPage(["admin"], "/admin/setup");
  const progress = await getSetupProgress(await getDb(), actor);
  const remaining = STEPS.filter((s) => !progress.done[s.step]).length;
  return (
    <div className="clin-page">
      <SetupNav />
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Setup</p>
          <h1>{progress.firstRun ? "Set up your clinic" : "Clinic setup"}</h1>
          <p className="muted page-head__sub">
            {remaining === 0
              ? "Everything is in place: patients can book online. Change anything here at any time."
              : `${remaining} of ${STEPS.length} steps to go before patients can book online.`}
          </p>
        </div>
      </header>
      <ol className="setup-checklist" aria-label="Setup checklist">
        {STEPS.map((s, i) => {
          const done = progress.done[s.step];
          return (
            <li key={s.step}>
              <span className="setup-tick" data-done={done} aria-hidden="true">
                {done ? "✓" : i + 1}
              </span>
              <div>
                <Link href={s.href}>{s.label}</Link>
                <p className="muted">{s.what}</p>
              </div>
              <span className="muted">{done ? "Done" : "To do"}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
