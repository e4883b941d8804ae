"use client";
import { useSyncExternalStore } from "react";
import { browserZone } from "./time-format";

const noop = () => () => {};

/** The browser's zone after hydration; null while rendering on the server, so markup matches. */
export function useViewerZone(): string | null {
  return useSyncExternalStore(noop, browserZone, () => null);
}
