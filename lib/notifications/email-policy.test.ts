import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createMiniClinic } from "@/lib/testing/factories";
import { createTestDb } from "@/lib/testing/test-db";
import type { Mailer, OutgoingEmail } from "./mailer";
import { sendEmailJob } from "./send-email-job";
import { confirmationEmail, type AppointmentView } from "./templates";
import { bookAhead } from "./testing/harness";

const HOUR = 3_600_000;

describe("confirmation email: the cancellation policy in words", () => {
  const view: AppointmentView = {
    firstName: "Ana",
    serviceName: "Physio",
    practitionerName: "Amy Adams",
    start: new Date("2026-12-10T09:00:00+11:00"),
    timezone: "Australia/Sydney",
    clinic: {
      groupName: "Harbour Physio Group",
      name: "Harbour Physio Group Chatswood",
      address: "Level 2, 5 Help Street, Chatswood NSW 2067",
      phone: "(02) 9000 4104",
      where: "Chatswood",
      online: false,
    },
    manageUrl: "http://localhost:3000/manage/abc",
    bookUrl: "http://localhost:3000/book",
  };

  it("outside the window, says until when it can be changed online and whom to call after", () => {
    const mail = confirmationEmail({ ...view, policy: { windowHours: 24, changeable: true } });
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Free to cancel or move online until 24 hours before; after that, call (02) 9000 4104.");
    }
    expect(mail.html).toContain("Manage your booking");
  });

  it("inside the window, says it cannot be changed online and to call, with no promise that it can", () => {
    const mail = confirmationEmail({ ...view, policy: { windowHours: 24, changeable: false } });
    for (const part of [mail.text, mail.html.replaceAll("&#39;", "'")]) {
      expect(part).toContain("can't be cancelled or moved online");
      expect(part).toContain("call (02) 9000 4104");
      expect(part).not.toMatch(/Free to cancel|You can do it online|Manage your booking/);
    }
    expect(mail.html).toContain("View your booking");
  });
});

describe("sendEmailJob judges the window at the time it writes the email", () => {
  let h: DbHandle;
  beforeEach(async () => {
    h = await createTestDb();
    await createMiniClinic(h.db);
  });
  afterEach(async () => h.close());

  const capture = () => {
    const sent: OutgoingEmail[] = [];
    const mailer: Mailer = { kind: "outbox", send: async (e) => void sent.push(e), close: () => {} };
    return { sent, mailer };
  };

  it("a booking days ahead is changeable online; the same booking 3 hours before is not", async () => {
    const booked = await bookAhead(h.db, 5);
    const job = { id: crypto.randomUUID(), data: { kind: "confirmation", appointmentId: booked.booking.id } };
    const early = capture();
    await sendEmailJob(h.db, job, early.mailer);
    expect(early.sent[0]!.text).toContain(
      "Free to cancel or move online until 24 hours before; after that, call (02) 9999 0000.",
    );

    const late = capture();
    await sendEmailJob(h.db, job, late.mailer, new Date(booked.start.getTime() - 3 * HOUR));
    expect(late.sent[0]!.text).toContain(
      "This time is less than 24 hours away, so it can't be cancelled or moved online. To change it, call (02) 9999 0000.",
    );
    expect(late.sent[0]!.text).not.toContain("Free to cancel");
  });
});
