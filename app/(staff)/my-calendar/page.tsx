import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getMyCalendarFeed } from "@/lib/interop/get-my-calendar-feed";
import { CopyField } from "./_components/copy-field";
import { replaceCalendarSecretAction } from "./actions";
import "./my-calendar.css";

export const metadata: Metadata = { title: "My calendar feed" };

export default async function MyCalendarPage({ searchParams }: { searchParams: Promise<{ replaced?: string }> }) {
  const actor = await requireStaffPage(["practitioner"], "/my-calendar");
  const [{ replaced }, feed] = await Promise.all([searchParams, getMyCalendarFeed(await getDb(), actor)]);
  return (
    <div className="stack my-calendar">
      <header>
        <p className="eyebrow-staff">My calendar · {actor.name}</p>
        <h1>Your appointments in your own calendar</h1>
        <p className="muted">
          Subscribe once and your calendar app keeps your appointments up to date: the last 30 days and the next 90,
          with the location, the service and the patient&apos;s first name and last initial. Cancelled appointments drop
          off. Calendar apps refresh a subscription every few hours, so check the clinic&apos;s diary for last-minute
          changes.
        </p>
      </header>
      {replaced === "1" ? (
        <p className="alert alert--ok" role="status">
          Your calendar has a new address. The old one no longer works: subscribe again with the address below.
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="feed-title">
        <h2 id="feed-title">Your private address</h2>
        <p className="muted">Anyone with this address can see your appointments. Keep it to yourself.</p>
        <CopyField id="feed-url" label="Calendar address" value={feed.url} />
        <p>
          <a className="button button--ghost button--small" href={feed.webcalUrl}>
            Open in my calendar app
          </a>
        </p>
      </section>
      <section className="card stack" aria-labelledby="how-title">
        <h2 id="how-title">How to subscribe</h2>
        <h3>Google Calendar</h3>
        <ol>
          <li>On a computer, open Google Calendar.</li>
          <li>Beside &ldquo;Other calendars&rdquo;, choose + then &ldquo;From URL&rdquo;.</li>
          <li>Paste the address above and choose &ldquo;Add calendar&rdquo;.</li>
        </ol>
        <h3>Outlook</h3>
        <ol>
          <li>In Outlook on the web, open the calendar and choose &ldquo;Add calendar&rdquo;.</li>
          <li>Choose &ldquo;Subscribe from web&rdquo;, paste the address above and choose &ldquo;Import&rdquo;.</li>
        </ol>
        <h3>Apple Calendar (iPhone, iPad, Mac)</h3>
        <ol>
          <li>
            On iPhone or iPad: Settings, Calendar, Accounts, Add Account, Other, &ldquo;Add Subscribed Calendar&rdquo;.
          </li>
          <li>On a Mac: in Calendar, File, &ldquo;New Calendar Subscription&rdquo;.</li>
          <li>Paste the address above, or use &ldquo;Open in my calendar app&rdquo; on that device.</li>
        </ol>
      </section>
      <section className="card stack" aria-labelledby="replace-title">
        <h2 id="replace-title">Lost your phone, or shared the address by mistake?</h2>
        <p className="muted">
          Make a new address. The old one stops working at once, so you will need to subscribe again in each calendar
          app.
        </p>
        <form action={replaceCalendarSecretAction}>
          <button type="submit" className="button button--danger">
            Replace my calendar address
          </button>
        </form>
      </section>
    </div>
  );
}
