import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { fieldErrors } from "@/lib/errors";
import { listAudit } from "@/lib/staff/list-audit";
import { auditFilterSchema } from "@/lib/staff/practice-schemas";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import "../../_clinical/clinical.css";

export const metadata: Metadata = { title: "Audit log" };

const KEYS = ["person", "patient", "from", "to", "action", "outcome", "page"] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage(["admin"], "/admin/audit");
  const params = await searchParams;
  const raw = Object.fromEntries(KEYS.map((k) => [k, typeof params[k] === "string" ? params[k] : undefined])) as Record<
    (typeof KEYS)[number],
    string | undefined
  >;
  // A field that does not parse is shown with its message and left out of the filter; the rest still applies.
  const parsed = auditFilterSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  const usable = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors)));
  const data = await listAudit(await getDb(), actor, usable);
  const query = new URLSearchParams(
    Object.entries(usable).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );

  return (
    <div className="clin-page">
      <header className="page-head">
        <div>
          <p className="eyebrow-staff">Administration</p>
          <h1>Audit log</h1>
          <p className="muted page-head__sub">
            Who did what, to which patient’s record, and when. Intake reads and refused attempts are recorded here.
          </p>
        </div>
      </header>
      <AuditFilters values={data.filter} raw={raw} actions={data.actions} errors={errors} />
      <AuditTable data={data} query={query} />
    </div>
  );
}
