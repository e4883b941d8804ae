// "How long ago": patients think in weeks for recent pain and in months for old pain; the answer is kept in weeks.
export type DurationUnit = "weeks" | "months";

const WEEKS_PER_MONTH = 52 / 12;

/** The weeks a typed number means in `unit`: whole numbers only; anything else is left for the schema to explain. */
export function toWeeks(raw: string, unit: DurationUnit): number | string | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  if (!/^\d+$/.test(text)) return raw;
  const n = Number(text);
  return unit === "weeks" ? n : Math.round(n * WEEKS_PER_MONTH);
}
