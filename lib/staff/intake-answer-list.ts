// Every answer as question and reply in plain words, in the form's order, for the "all answers" part of the
// practitioner's screen. Pure, so it is shared by the page and the staff API.
import { STEPS, type Answers } from "@/lib/intake/questionnaire";

export interface AnswerLine {
  linkId: string;
  section: string;
  question: string;
  answer: string;
}

function display(item: (typeof STEPS)[number]["items"][number], value: unknown): string | null {
  if (value === undefined || value === null) return null;
  switch (item.type) {
    case "boolean":
      return value === true ? "Yes" : "No";
    case "choice":
      return item.options.find((o) => o.code === value)?.display ?? String(value);
    case "multi-choice":
      return Array.isArray(value)
        ? value.map((v) => item.options.find((o) => o.code === v)?.display ?? String(v)).join("; ")
        : null;
    case "integer":
      return "unit" in item && item.unit ? `${String(value)} ${item.unit}` : String(value);
    default:
      return String(value);
  }
}

export function listAnswers(answers: Answers): AnswerLine[] {
  const byId = answers as Record<string, unknown>;
  const lines: AnswerLine[] = [];
  for (const step of STEPS) {
    for (const item of step.items) {
      const answer = display(item, byId[item.linkId]);
      if (answer !== null && answer !== "")
        lines.push({ linkId: item.linkId, section: step.title, question: item.text, answer });
    }
  }
  return lines;
}
