"use client";
import { useState } from "react";

/** A read-only address with a button that copies it (the address can also be selected by hand). */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button button--small"
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
        >
          Copy
        </button>
      </div>
      <p className="hint" role="status">
        {copied ? "Copied." : ""}
      </p>
    </div>
  );
}
