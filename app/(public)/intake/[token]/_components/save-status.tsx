"use client";
import type { SaveState } from "./use-autosave";

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString("en-AU", { hour: "numeric", minute: "2-digit" });

/** Quiet, visible reassurance that answers are kept; not a live region, so it never interrupts a screen reader. */
export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === "idle") return <p className="intake-save muted">Your answers are saved as you go.</p>;
  if (state.kind === "saving") return <p className="intake-save muted">Saving…</p>;
  if (state.kind === "saved")
    return (
      <p className="intake-save intake-save--ok">
        <span aria-hidden="true">✓ </span>Saved at {timeOf(state.at)}. You can finish later from the same link, on any
        device.
      </p>
    );
  return <p className="intake-save intake-save--failed">{state.message}</p>;
}
