"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch, ApiError } from "./admin-fetch";

/** Removes leave or a closure after a confirm; the time it held becomes working time again at once. */
export function DeleteButton({ url, label }: { url: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="wt-actions">
      <button
        type="button"
        className="button button--ghost button--small"
        disabled={busy}
        aria-label={label}
        onClick={async () => {
          if (!window.confirm(`${label}? That time becomes bookable again.`)) return;
          setBusy(true);
          setProblem(null);
          try {
            await adminFetch(url, "DELETE");
            router.refresh();
          } catch (e) {
            setProblem(e instanceof ApiError ? e.message : "Something went wrong. Please try again.");
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? "Removing…" : "Remove"}
      </button>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
