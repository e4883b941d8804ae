import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { locations, patients, practitioners, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import type { ClinicIdentityDto } from "@/lib/setup/setup-types";
import { clinicOf } from "./clinic";
import { renderEmail } from "./layout";
import { mailDomain, type OutgoingEmail } from "./mailer";
import { unseal } from "./secrets";
import { formatWhen } from "./templates";

// Wait-list emails, sent from the patient-email queue like every other patient email (so a failure is retried and,
// after the last retry, listed under "Failed emails"). They say what, when and where, with the manage link: never
// clinical detail (no triage, no notes). The wait list's own module queues them; this one only reads its tables.

const sealedManage = z.object({ manageUrl: z.string().url() });
type Outcome = { sent: true } | { sent: false; reason: string };
type Deliver = (email: OutgoingEmail) => Promise<void>;

async function entryContact(db: Db | Tx, entryId: string) {
  const [row] = await db
    .select({
      e: waitlistEntries,
      firstName: patients.firstName,
      email: patients.email,
      serviceName: services.name,
      location: locations,
    })
    .from(waitlistEntries)
    .innerJoin(patients, eq(patients.id, waitlistEntries.patientId))
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .innerJoin(locations, eq(locations.id, waitlistEntries.locationId))
    .where(eq(waitlistEntries.id, entryId));
  return row;
}

function footer(c: ReturnType<typeof clinicOf>): string[] {
  return [
    c.name,
    ...(c.address ? [c.address] : []),
    `Phone ${c.phone}`,
    "Please do not reply to this email; call us if you need anything.",
  ];
}

/** "You are on the wait list", with the manage link. */
export async function sendWaitlistJoinedEmail(
  db: Db,
  entryId: string,
  identity: ClinicIdentityDto,
  from: string,
  deliver: Deliver,
): Promise<Outcome> {
  const row = await entryContact(db, entryId);
  if (!row) return { sent: false, reason: "entry not found" };
  if (!row.email) return { sent: false, reason: "patient has no email" };
  const { manageUrl } = sealedManage.parse(unseal(row.e.manageUrlSealed));
  const clinic = clinicOf(row.location, identity);
  const subject = `You are on the wait list at ${clinic.name}`;
  const rendered = renderEmail(
    subject,
    [
      { p: `Hello ${row.firstName},` },
      {
        p: `You are on the wait list for ${row.serviceName}. When a time that suits you frees up, we will email you an offer; the first to accept it gets the time.`,
      },
      {
        details: [
          ["What", row.serviceName],
          ["Where", clinic.name],
          ["Dates", `${row.e.earliest} to ${row.e.latest}`],
        ],
      },
      {
        link: { lead: "See your place on the list, or leave it:", label: "Manage my wait list entry", href: manageUrl },
      },
    ],
    footer(clinic),
  );
  await deliver({
    from,
    to: row.email,
    messageId: `<waitlist-joined-${entryId}@${mailDomain()}>`,
    kind: "waitlist-joined",
    ...rendered,
  });
  return { sent: true };
}

/**
 * The offer: the time, until when it is held, and the link to book it. One job per offer, queued in the transaction
 * that made the offer; it is sent under the offer row's lock and marked `emailed_at` in the same transaction, so a
 * duplicated or retried job finds it sent. A crash after the SMTP server accepted it and before the commit re-sends
 * with the same Message-ID, which receivers drop. A send that throws rolls back and the queue retries it.
 */
export async function sendWaitlistOfferEmail(
  db: Db,
  offerId: string,
  identity: ClinicIdentityDto,
  from: string,
  deliver: Deliver,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(waitlistOffers)
      .where(and(eq(waitlistOffers.id, offerId), isNull(waitlistOffers.emailedAt)))
      .for("update");
    if (!offer) return { sent: false, reason: "already sent" };
    if (offer.status !== "open") return { sent: false, reason: "offer closed" };
    const row = await entryContact(tx, offer.entryId);
    if (!row?.email) return { sent: false, reason: "patient has no email" };
    const [p] = await tx
      .select({ name: practitioners.name })
      .from(practitioners)
      .where(eq(practitioners.id, offer.practitionerId));
    const { manageUrl } = sealedManage.parse(unseal(row.e.manageUrlSealed));
    const clinic = clinicOf(row.location, identity);
    const tz = row.location.timezone;
    const until = formatWhen(offer.expiresAt, tz);
    const subject = `A time has come up: ${row.serviceName} ${formatWhen(offer.startsAt, tz).date}`;
    const rendered = renderEmail(
      subject,
      [
        { p: `Hello ${row.firstName},` },
        {
          p: `A time you were waiting for has come up. It is yours if you book it first: we have offered it to a few people on the wait list.`,
        },
        {
          details: [
            ["When", formatWhen(offer.startsAt, tz).full],
            ["What", row.serviceName],
            ["With", p?.name ?? ""],
            ["Where", clinic.where],
          ],
        },
        { p: `We hold it for you until ${until.time} on ${until.date}.` },
        { link: { lead: "See the time and book it with one button:", label: "Book this time", href: manageUrl } },
      ],
      footer(clinic),
    );
    await deliver({
      from,
      to: row.email,
      messageId: `<waitlist-offer-${offerId}@${mailDomain()}>`,
      kind: "waitlist-offer",
      ...rendered,
    });
    await tx.update(waitlistOffers).set({ emailedAt: new Date() }).where(eq(waitlistOffers.id, offerId));
    return { sent: true };
  });
}
