// Decorative glyphs drawn as SVG, so they look the same in every font (a "⌖" or "▶" character does not exist in all).
const SVG = {
  "aria-hidden": true,
  width: 20,
  height: 20,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

/** A map pin, for a clinic. */
export function PinIcon() {
  return (
    <svg {...SVG}>
      <path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z" />
      <circle cx="12" cy="9.5" r="2.5" />
    </svg>
  );
}

/** A video camera, for online rehab. */
export function VideoIcon() {
  return (
    <svg {...SVG}>
      <rect x="3" y="6" width="13" height="12" rx="2" />
      <path d="M16 10.5 21 7.5v9l-5-3z" />
    </svg>
  );
}
