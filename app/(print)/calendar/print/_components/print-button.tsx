"use client";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton() {
  return (
    <button type="button" className="button button--small" onClick={() => window.print()}>
      Print
    </button>
  );
}
