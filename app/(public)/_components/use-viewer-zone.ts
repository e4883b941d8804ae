"use client";
import { useSyncExternalStore } from "react";
import { browserZone } from "./time-format";

// Online rehab shows times in the patient's zone: the browser's, unless the patient chose another (a traveller, or a
// device set to the wrong zone). The choice lasts for the tab, and every component showing times follows it.
const KEY = "clinic.viewer-zone";
const listeners = new Set<() => void>();

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-AU", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function chosenZone(): string | null {
  try {
    const zone = sessionStorage.getItem(KEY);
    return zone && isZone(zone) ? zone : null;
  } catch {
    return null; // storage blocked: the browser's zone
  }
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The zone to show times in after hydration; null while rendering on the server, so markup matches. */
export function useViewerZone(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => chosenZone() ?? browserZone(),
    () => null,
  );
}

/** Shows times in `zone` from now on in this tab; null goes back to the browser's own zone. */
export function chooseViewerZone(zone: string | null): void {
  try {
    if (zone && zone !== browserZone()) sessionStorage.setItem(KEY, zone);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage blocked: nothing to remember
  }
  for (const onChange of listeners) onChange();
}
