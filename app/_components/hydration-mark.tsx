"use client";
import { useEffect } from "react";

/**
 * Marks the page as interactive once React has hydrated it (`<body data-hydrated>`), so that automated tests,
 * which can click faster than a phone can load scripts, wait for the page to listen before they act.
 */
export function HydrationMark() {
  useEffect(() => {
    document.body.dataset.hydrated = "";
  }, []);
  return null;
}
