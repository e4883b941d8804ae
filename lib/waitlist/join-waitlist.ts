import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Db, rowsOf, type Tx } from "@/db/client";
import { triages, waitlistEntries } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { NotBookableOnline, ValidationFailed } from "@/lib/errors";
import { seal } from "@/lib/notifications/secrets";
import { STOPS_ONLINE_BOOKING } from "@/lib/scheduling/booking-triage";
import { loadSlotQuery } from "@/lib/scheduling/load-slot-query";
import { addDays, localDateOf } from "@/lib/scheduling/local-time";
import { type BookingPatient, matchPatient } from "@/lib/scheduling/match-patient";
import { normaliseEmail } from "@/lib/scheduling/online-booking-caps";
import { newToken, hashToken } from "@/lib/security/tokens";
import { FRONT_DESK, requireRole } from "@/lib/staff/staff-access";
import { loadEntryDto, type WaitlistEntryDto, waitlistManageUrl } from "./entry-dto";
import { enqueueWaitlistEmails } from "@/lib/notifications/enqueue";
import { joinWaitlistSchema, staffAddToWaitlistSchema } from "./schemas";

export const MAX_OPEN_ENTRIES_PER_EMAIL = 3;
const HORIZON_DAYS = 90;

export interface WaitlistJoined {
  entry: WaitlistEntryDto;
  manageUrl: string;
}

/** A patient joins the wait list from /book or the API (api.md "Wait list"). */
export async function joinWaitlist(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<WaitlistJoined> {
  const input = joinWaitlistSchema.parse(rawInput);
  return addEntry(db, actor, { ...input, urgent: false }, now);
}

/** Reception adds a patient who rang (name and phone are enough), perhaps marked urgent. */
export async function addToWaitlistByStaff(db: Db, actor: Actor, rawInput: unknown, now = new Date()) {
  const staff = await requireRole(db, actor, FRONT_DESK, "waitlist.add");
  const input = staffAddToWaitlistSchema.parse(rawInput);
  return addEntry(db, staff, { ...input, triage: undefined, urgent: input.urgent ?? false }, now);
}

interface NewEntry {
  service: string;
  location: string;
  practitioner: string | null;
  earliest: string;
  latest: string;
  partsOfDay: string[];
  patient: BookingPatient & { email?: string };
  triage?: string;
  urgent: boolean;
}

async function addEntry(db: Db, actor: Actor, input: NewEntry, now: Date): Promise<WaitlistJoined> {
  const byStaff = actor.kind === "staff";
  return db.transaction(async (tx) => {
    const context = await loadSlotQuery(tx, {
      location: input.location,
      service: input.service,
      practitioner: input.practitioner ?? undefined,
      from: input.earliest,
      to: input.earliest,
      now,
    });
    const { location, service } = context;
    const today = localDateOf(now, location.timezone);
    if (input.latest < today) throw new ValidationFailed({ latest: "Choose a date from today on" });
    if (input.latest > addDays(today, HORIZON_DAYS))
      throw new ValidationFailed({ latest: `Choose a date at most ${HORIZON_DAYS} days ahead` });
    if (!byStaff) await refuseStoppingTriage(tx, input.triage);
    const email = "email" in input.patient ? input.patient.email : undefined;
    if (!byStaff && email) await capOpenEntries(tx, email);
    const patient = await matchPatient(tx, input.patient, { online: !byStaff });
    const token = newToken();
    const manageUrl = waitlistManageUrl(token);
    const [row] = await tx
      .insert(waitlistEntries)
      .values({
        serviceId: service.id,
        locationId: location.id,
        practitionerId: input.practitioner ? context.practitionerIds.get(input.practitioner)! : null,
        patientId: patient.id,
        earliest: input.earliest < today ? today : input.earliest,
        latest: input.latest,
        partsOfDay: input.partsOfDay,
        urgent: input.urgent,
        source: byStaff ? "phone" : "online",
        triageId: input.triage ?? null,
        manageTokenHash: hashToken(token),
        manageUrlSealed: seal({ manageUrl }),
        createdByUserId: byStaff ? actor.userId : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: waitlistEntries.id });
    await recordAudit(tx, actor, {
      action: "waitlist.join",
      entityType: "waitlist_entry",
      entityId: row!.id,
      patientId: patient.id,
      detail: { service: service.slug, location: location.slug, urgent: input.urgent },
    });
    if (patient.hasEmail) await enqueueWaitlistEmails(tx, [{ kind: "waitlist-joined", entryId: row!.id }]);
    return { entry: await loadEntryDto(tx, row!.id, now), manageUrl };
  });
}

/** api.md: a triage that stops online booking (emergency, urgent care) cannot join either. */
async function refuseStoppingTriage(tx: Tx, triageId: string | undefined): Promise<void> {
  if (!triageId) return;
  const [t] = await tx.select({ route: triages.route }).from(triages).where(eq(triages.id, triageId));
  if (!t) throw new ValidationFailed({ triage: "Not a known triage" });
  if (STOPS_ONLINE_BOOKING.has(t.route))
    throw new NotBookableOnline(
      "Your answers mean you should be seen sooner than the wait list can promise. Please follow the advice you were given, or call us.",
    );
}

/** At most a few open entries per inbox, counted under a lock on the address so parallel joins queue here. */
async function capOpenEntries(tx: Tx, email: string): Promise<void> {
  const normal = normaliseEmail(email);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`waitlist-join:${normal}`}, 0))`);
  const [row] = rowsOf<{ n: number | string }>(
    await tx.execute(sql`select count(*) as n from waitlist_entries e join patients p on p.id = e.patient_id
      where regexp_replace(lower(p.email), '\\+[^@]*@', '@') = ${normal} and e.status in ('waiting', 'offered')`),
  );
  if (Number(row?.n ?? 0) >= MAX_OPEN_ENTRIES_PER_EMAIL)
    throw new NotBookableOnline(
      `You are already on ${MAX_OPEN_ENTRIES_PER_EMAIL} wait lists, the most we keep for one email address. Leave one, or call the clinic and we will help you.`,
    );
}
