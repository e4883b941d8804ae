import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, patients } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { loadBoardAppointments } from "./board-appointments";
import { uuidSchema } from "./reception-schemas";
import type { PatientDetailDto } from "./reception-types";
import { toPatientSummary } from "./search-patients";
import { FRONT_DESK, requireRole } from "./staff-access";

/** A patient's contact details and appointments, newest first. Reception and admins only. */
export async function getPatient(db: Db, actor: Actor, id: string, now = new Date()): Promise<PatientDetailDto> {
  await requireRole(db, actor, FRONT_DESK, "patients.read");
  if (!uuidSchema.safeParse(id).success) throw new NotFound("We could not find that patient.");
  const [p] = await db.select().from(patients).where(eq(patients.id, id));
  if (!p) throw new NotFound("We could not find that patient.");
  const list = await loadBoardAppointments(db, eq(appointments.patientId, id), { newestFirst: true, limit: 200 });
  const upcoming = list.filter((a) => a.status === "booked" && Date.parse(a.start) > now.getTime()).at(-1);
  return {
    ...toPatientSummary(p, upcoming ? new Date(upcoming.start) : null),
    createdAt: p.createdAt.toISOString(),
    appointments: list,
  };
}
