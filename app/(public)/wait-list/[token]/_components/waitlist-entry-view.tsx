"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/http/api-fetch";
import type { WaitlistPageView } from "@/lib/waitlist/get-entry";
import { callApi, sameSitePath, type BookingCreated } from "../../../_components/public-api";
import { longDate, whenText, zonePlan } from "../../../_components/time-format";
import { useViewerZone } from "../../../_components/use-viewer-zone";

const STATUS_LABEL = {
  waiting: "Waiting",
  offered: "Time on offer",
  booked: "Booked",
  expired: "Ended",
  left: "Left the list",
} as const;

interface Props {
  view: WaitlistPageView;
  token: string;
  joined: boolean;
  clinicPhone: string;
}

/** The patient's entry: what they wait for, any time on offer with one button to book it, and a way to leave. */
export function WaitlistEntryView({ view, token, joined, clinicPhone }: Props) {
  const router = useRouter();
  const { entry } = view;
  const plan = zonePlan(view.location, useViewerZone());
  const [busy, setBusy] = useState<"accept" | "leave" | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "warn"; text: string } | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (joined || entry.offer) titleRef.current?.focus();
  }, [joined, entry.offer]);
  useEffect(() => {
    if (message) noticeRef.current?.focus();
  }, [message]);
  const phone = view.location.phone ?? clinicPhone;
  const open = entry.status === "waiting" || entry.status === "offered";

  const accept = async () => {
    setBusy("accept");
    setMessage(null);
    try {
      const created = await callApi<BookingCreated>(`/api/v1/waitlist/${encodeURIComponent(entry.id)}/accept`, {
        method: "POST",
        token,
      });
      router.push(`${sameSitePath(created.manageUrl)}?booked=1`);
    } catch (e) {
      setBusy(null);
      setMessage({ kind: "warn", text: e instanceof ApiError ? e.message : "That didn't work. Please try again." });
      router.refresh();
    }
  };

  const leave = async () => {
    setBusy("leave");
    setMessage(null);
    try {
      await callApi(`/api/v1/waitlist/${encodeURIComponent(entry.id)}/leave`, { method: "POST", token });
      setConfirmLeave(false);
      setMessage({ kind: "ok", text: "You have left the wait list. We won't email you any more offers for it." });
      router.refresh();
    } catch (e) {
      setMessage({ kind: "warn", text: e instanceof ApiError ? e.message : "That didn't work. Please try again." });
    } finally {
      setBusy(null);
    }
  };

  const parts = entry.partsOfDay.length
    ? entry.partsOfDay.map((p) => `${p[0]!.toUpperCase()}${p.slice(1)}s`).join(", ")
    : "Any time of day";
  return (
    <div className="book">
      <section className="container book__inner book__inner--narrow" aria-labelledby="wl-title">
        <header className="book__header">
          <p className="eyebrow eyebrow--dark">{joined ? "You're on the wait list" : "Your wait list entry"}</p>
          <h1 id="wl-title" ref={titleRef} tabIndex={-1}>
            {entry.offer ? "A time has come up for you" : joined ? "You're on the wait list" : "Your wait list entry"}
          </h1>
          {joined ? (
            <p className="done__lead">
              We&apos;ve emailed you a link back to this page. When a time that suits you frees up, we&apos;ll email you
              an offer: the first to accept it gets it.
            </p>
          ) : null}
        </header>

        {message ? (
          <div ref={noticeRef} tabIndex={-1} role="status" className={`alert alert--${message.kind} manage__notice`}>
            {message.text}
          </div>
        ) : null}

        {entry.offer ? (
          <section className="card step" aria-labelledby="offer-title">
            <h2 id="offer-title" className="step__title">
              {view.serviceName}
            </h2>
            <dl className="facts">
              <div className="facts__row">
                <dt>When</dt>
                <dd data-testid="offer-when">
                  {whenText(entry.offer.start, plan)}
                  <br />
                  <span className="muted">{view.durationMinutes} minutes</span>
                </dd>
              </div>
              <div className="facts__row">
                <dt>With</dt>
                <dd>{view.offerPractitionerName}</dd>
              </div>
              <div className="facts__row">
                <dt>Where</dt>
                <dd>
                  {view.location.name}
                  {view.location.address ? (
                    <>
                      <br />
                      <span className="muted">{view.location.address}</span>
                    </>
                  ) : null}
                </dd>
              </div>
              <div className="facts__row">
                <dt>Held until</dt>
                <dd>{whenText(entry.offer.expiresAt, plan)}</dd>
              </div>
            </dl>
            <p className="step__note">We&apos;ve offered this time to a few people. The first to book it gets it.</p>
            <div className="step__actions">
              <button type="button" className="button button--large" onClick={accept} disabled={busy !== null}>
                {busy === "accept" ? "Booking…" : "Book this time"}
              </button>
            </div>
          </section>
        ) : null}

        <section className="card step" aria-labelledby="entry-title">
          <div className="manage__head">
            <h2 id="entry-title" className="step__title">
              Waiting for {view.serviceName}
            </h2>
            <span className={`status status--${entry.status === "booked" ? "booked" : open ? "arrived" : "cancelled"}`}>
              {STATUS_LABEL[entry.status]}
            </span>
          </div>
          <dl className="facts">
            <div className="facts__row">
              <dt>Where</dt>
              <dd>{view.location.name}</dd>
            </div>
            <div className="facts__row">
              <dt>With</dt>
              <dd>{view.practitionerName ?? "Any practitioner"}</dd>
            </div>
            <div className="facts__row">
              <dt>Dates</dt>
              <dd>
                {longDate(entry.earliest)} to {longDate(entry.latest)}
              </dd>
            </div>
            <div className="facts__row">
              <dt>Times</dt>
              <dd>{parts}</dd>
            </div>
            <div className="facts__row">
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${phone.replace(/[^0-9+]/g, "")}`}>{phone}</a>
              </dd>
            </div>
          </dl>
          {open ? (
            confirmLeave ? (
              <div className="alert alert--warn" role="group" aria-labelledby="leave-q">
                <p id="leave-q">Leave the wait list? We won&apos;t offer you any more times for it.</p>
                <div className="manage__actions">
                  <button type="button" className="button" onClick={leave} disabled={busy !== null}>
                    {busy === "leave" ? "Leaving…" : "Yes, leave the wait list"}
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => setConfirmLeave(false)}>
                    Stay on the list
                  </button>
                </div>
              </div>
            ) : (
              <div className="manage__actions">
                <button type="button" className="button button--ghost" onClick={() => setConfirmLeave(true)}>
                  Leave the wait list
                </button>
              </div>
            )
          ) : null}
        </section>
      </section>
    </div>
  );
}
