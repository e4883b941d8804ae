import { DateTime } from "luxon";
import { cancellationPolicyText } from "@/lib/scheduling/cancellation-policy";
import type { ClinicInfo } from "./clinic";
import { type Block, renderEmail, type RenderedEmail } from "./layout";

// Patient emails say what, when, where and how to change it. They never carry clinical detail: no
// symptoms, answers, flags, triage routes or booking notes, since email is neither private nor secure.

export interface AppointmentView {
  firstName: string;
  serviceName: string;
  practitionerName: string;
  start: Date;
  timezone: string;
  clinic: ClinicInfo;
  manageUrl?: string;
  intakeUrl?: string;
  /** Where to book again after a cancellation. */
  bookUrl: string;
  /** The service's cancellation window, and whether the booking is still outside it as the email is written. */
  policy?: { windowHours: number; changeable: boolean };
}

export function formatWhen(start: Date, timezone: string): { date: string; time: string; full: string } {
  const d = DateTime.fromJSDate(start, { zone: timezone }).setLocale("en-AU");
  const date = d.toFormat("cccc d LLLL yyyy");
  const time = d.toFormat("h:mm a").toLowerCase();
  const city = timezone.split("/").pop()!.replace(/_/g, " ");
  return { date, time, full: `${date} at ${time} (${city} time)` };
}

function details(v: AppointmentView): Block {
  const rows: [string, string][] = [
    ["When", formatWhen(v.start, v.timezone).full],
    ["What", v.serviceName],
    ["With", v.practitionerName],
    [
      "Where",
      v.clinic.online
        ? "Online, by video. We will send you the video link before your appointment."
        : [v.clinic.name, v.clinic.address].filter(Boolean).join(", "),
    ],
    ["Phone", v.clinic.phone],
  ];
  return { details: rows };
}

function footer(c: ClinicInfo): string[] {
  return [
    c.name,
    ...(c.address ? [c.address] : []),
    `Phone ${c.phone}`,
    "Please do not reply to this email; call us if you need anything.",
  ];
}

function manageBlock(v: AppointmentView): Block {
  // Inside the cancellation window the email says so, instead of promising an online change the page will refuse.
  if (v.policy && !v.policy.changeable) {
    const text = cancellationPolicyText({ ...v.policy, phone: v.clinic.phone });
    return v.manageUrl ? { link: { lead: text, label: "View your booking", href: v.manageUrl } } : { p: text };
  }
  const policy = v.policy ? cancellationPolicyText({ ...v.policy, phone: v.clinic.phone }) : null;
  if (!v.manageUrl)
    return {
      p: `Need to change or cancel? Use the link in your confirmation email, or call us on ${v.clinic.phone}.${policy ? ` ${policy}` : ""}`,
    };
  const lead = `Need to change or cancel? ${policy ?? "You can do it online up to the cancellation cut-off."}`;
  return { link: { lead, label: "Manage your booking", href: v.manageUrl } };
}

function intakeBlock(v: AppointmentView, lead: string): Block[] {
  return v.intakeUrl ? [{ link: { lead, label: "Fill in the questionnaire", href: v.intakeUrl } }] : [];
}

export function confirmationEmail(v: AppointmentView): RenderedEmail {
  const w = formatWhen(v.start, v.timezone);
  return renderEmail(
    `Booking confirmed: ${w.date} at ${w.time}`,
    [
      { p: `Hi ${v.firstName},` },
      {
        p: `Your appointment with ${v.clinic.groupName} is booked. The calendar file attached adds it to your calendar.`,
      },
      details(v),
      ...intakeBlock(
        v,
        "Before your visit, please fill in our short pre-visit questionnaire. It takes about ten minutes and helps your practitioner prepare.",
      ),
      manageBlock(v),
    ],
    footer(v.clinic),
  );
}

export function changedEmail(v: AppointmentView): RenderedEmail {
  const w = formatWhen(v.start, v.timezone);
  return renderEmail(
    `Your appointment has moved to ${w.date} at ${w.time}`,
    [
      { p: `Hi ${v.firstName},` },
      {
        p: "Your appointment has been moved. Here are the new details; the calendar file attached updates your calendar.",
      },
      details(v),
      manageBlock(v),
    ],
    footer(v.clinic),
  );
}

export function cancelledEmail(v: AppointmentView): RenderedEmail {
  const w = formatWhen(v.start, v.timezone);
  return renderEmail(
    `Your appointment on ${w.date} is cancelled`,
    [
      { p: `Hi ${v.firstName},` },
      { p: `Your appointment on ${w.full} (${v.serviceName} with ${v.practitionerName}) has been cancelled.` },
      {
        link: {
          lead: `If you would like another time, book online or call us on ${v.clinic.phone}.`,
          label: "Book again",
          href: v.bookUrl,
        },
      },
    ],
    footer(v.clinic),
  );
}

export function reminderEmail(v: AppointmentView): RenderedEmail {
  const w = formatWhen(v.start, v.timezone);
  return renderEmail(
    `Reminder: your appointment on ${w.date} at ${w.time}`,
    [
      { p: `Hi ${v.firstName},` },
      { p: "This is a reminder of your appointment:" },
      details(v),
      ...intakeBlock(v, "If you have not yet filled in the pre-visit questionnaire, please do it before you come."),
      manageBlock(v),
    ],
    footer(v.clinic),
  );
}

export function intakeReminderEmail(v: AppointmentView): RenderedEmail {
  const w = formatWhen(v.start, v.timezone);
  return renderEmail(
    `Please fill in your questionnaire before ${w.date}`,
    [
      { p: `Hi ${v.firstName},` },
      { p: `Your appointment is on ${w.full}. We have not yet received your pre-visit questionnaire.` },
      ...intakeBlock(v, "It takes about ten minutes and helps your practitioner make the most of your visit."),
      manageBlock(v),
    ],
    footer(v.clinic),
  );
}

/** To staff: a patient's answers ask for a call. Nothing about the patient or the answers: just where to look. */
export function staffAlertEmail(v: {
  audience: "practitioner" | "reception";
  href: string;
  clinic: ClinicInfo;
}): RenderedEmail {
  return renderEmail(
    "An intake needs your attention",
    [
      { p: "Hello," },
      { p: "A patient's pre-visit answers mean someone should call them before their appointment." },
      {
        link:
          v.audience === "practitioner"
            ? { lead: "Sign in to read the intake and decide what to do.", label: "Open the intake", href: v.href }
            : {
                lead: "It is on the Needs a call list in the staff dashboard, oldest first.",
                label: "Open Needs a call",
                href: v.href,
              },
      },
    ],
    [v.clinic.groupName, "Sent by the clinic's booking system. Nothing clinical is put in email."],
  );
}

export function callUsEmail(v: { firstName: string; clinic: ClinicInfo }): RenderedEmail {
  return renderEmail(
    `Please call ${v.clinic.groupName} to book`,
    [
      { p: `Hi ${v.firstName},` },
      {
        p: "Thank you for starting a booking with us online. Before we book your appointment, one of our team would like to talk with you.",
      },
      { p: `Please call us on ${v.clinic.phone}. If you need urgent help, call 000.` },
    ],
    footer(v.clinic),
  );
}

export function staffPasswordResetEmail(v: { name: string; resetUrl: string; clinic: ClinicInfo }): RenderedEmail {
  return renderEmail(
    `Reset your ${v.clinic.groupName} staff password`,
    [
      { p: `Hi ${v.name},` },
      { p: "Someone (we hope you) asked to reset the password of your staff account." },
      {
        link: {
          lead: "The link works once, for one hour. Setting a new password signs you out everywhere.",
          label: "Set a new password",
          href: v.resetUrl,
        },
      },
      {
        p: "If you did not ask for this, ignore this email: your password stays as it is. Tell the clinic manager if it keeps happening.",
      },
    ],
    footer(v.clinic),
  );
}

export function staffInvitationEmail(v: { name: string; inviteUrl: string; clinic: ClinicInfo }): RenderedEmail {
  return renderEmail(
    `You are invited to the ${v.clinic.groupName} staff dashboard`,
    [
      { p: `Hi ${v.name},` },
      { p: `The clinic manager has made you a staff account at ${v.clinic.groupName}.` },
      {
        link: {
          lead: "Choose your password to start. The link works once, for 72 hours.",
          label: "Set your password",
          href: v.inviteUrl,
        },
      },
      { p: "If the link has expired, ask the clinic manager to send a new invitation." },
    ],
    footer(v.clinic),
  );
}
