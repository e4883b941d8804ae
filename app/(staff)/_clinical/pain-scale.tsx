/** A 0-10 score as a number and a small bar; the bar is decoration, the text says it all. */
export function Score({ value, label, kind }: { value: number | null; label: string; kind: "pain" | "function" }) {
  if (value === null) return <span className="muted">Not answered</span>;
  const tone =
    kind === "pain"
      ? value >= 7
        ? "high"
        : value >= 4
          ? "mid"
          : "low"
      : value <= 3
        ? "high"
        : value <= 6
          ? "mid"
          : "low";
  return (
    <span className="score">
      <span className="score__value">
        {value}
        <span className="score__of">/10</span>
        <span className="visually-hidden"> {label}</span>
      </span>
      <span className={`score__bar score__bar--${tone}`} aria-hidden="true">
        <span style={{ width: `${value * 10}%` }} />
      </span>
    </span>
  );
}
