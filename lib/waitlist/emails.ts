import "server-only";
import { eq, isNull, and } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { locations, patients, practitioners, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { clinicOf } from "@/lib/notifications/clinic";
import { renderEmail } from "@/lib/notifications/layout";
import { mailDomain, type Mailer } from "@/lib/notifications/mailer";
import { unseal } from "@/lib/notifications/secrets";
import { formatWhen } from "@/lib/notifications/templates";

// Wait-list emails say what, when and where, with the manage link: never clinical detail (no triage, no notes).

const sealedManage = z.object({ manageUrl: z.string().url() });
export type EmailOutcome = { sent: boolean; reason?: string };

async function entryContact(db: Db, entryId: string) {
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

/** "You are on the wait list", with the manage link. One job per entry, sent by one worker (pg-boss). */
export async function sendJoinedEmail(db: Db, entryId: string, mailer: Mailer): Promise<EmailOutcome> {
  const row = await entryContact(db, entryId);
  if (!row?.email) return { sent: false, reason: "no email" };
  const { manageUrl } = sealedManage.parse(unseal(row.e.manageUrlSealed));
  const clinic = clinicOf(row.location);
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
  await mailer.send({
    to: row.email,
    messageId: `<waitlist-joined-${entryId}@${mailDomain()}>`,
    kind: "waitlist-joined",
    ...rendered,
  });
  return { sent: true };
}

/**
 * The offer: the time, until when it is held, and the link to book it. Sent under the offer row's lock and marked
 * `emailed_at` in the same transaction, so two workers holding a job for the same offer send it once; a crash after
 * sending and before the commit re-sends with the same Message-ID, which receivers drop.
 */
export async function sendOfferEmail(db: Db, offerId: string, mailer: Mailer): Promise<EmailOutcome> {
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(waitlistOffers)
      .where(and(eq(waitlistOffers.id, offerId), isNull(waitlistOffers.emailedAt)))
      .for("update");
    if (!offer) return { sent: false, reason: "already sent" };
    if (offer.status !== "open") return { sent: false, reason: "offer closed" };
    const row = await entryContact(tx as unknown as Db, offer.entryId);
    if (!row?.email) return { sent: false, reason: "no email" };
    const [p] = await tx
      .select({ name: practitioners.name })
      .from(practitioners)
      .where(eq(practitioners.id, offer.practitionerId));
    const { manageUrl } = sealedManage.parse(unseal(row.e.manageUrlSealed));
    const clinic = clinicOf(row.location);
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
    await mailer.send({
      to: row.email,
      messageId: `<waitlist-offer-${offerId}@${mailDomain()}>`,
      kind: "waitlist-offer",
      ...rendered,
    });
    await tx.update(waitlistOffers).set({ emailedAt: new Date() }).where(eq(waitlistOffers.id, offerId));
    return { sent: true };
  });
}
