// Patient-facing words for the demo services; a service without an entry shows its name only.
export const SERVICE_BLURB: Record<string, string> = {
  "physio-initial": "First visit for a new pain or injury: assessment, diagnosis and a plan you can start today.",
  "physio-follow-up": "For current patients: review, hands-on treatment and progressing your exercises.",
  "ep-initial": "For a diagnosed, long-standing problem: strength testing and a graded loading program.",
  "ep-session": "For current patients: supervised strength and return-to-sport training.",
  "online-rehab-initial": "An assessment by video and a home program, wherever you are.",
  "online-rehab-session": "For current patients: a video session to check and progress your program.",
  "pilates-class": "Small-group reformer class run by a physiotherapist, six people at most.",
  shockwave: "Focused shockwave for stubborn tendon pain, as part of a loading program.",
};

export const SERVICE_GROUPS: readonly { title: string; slugs: readonly string[] }[] = [
  { title: "First visit", slugs: ["physio-initial", "ep-initial", "online-rehab-initial"] },
  { title: "Returning patients", slugs: ["physio-follow-up", "ep-session", "online-rehab-session"] },
  { title: "Classes and treatments", slugs: ["pilates-class", "shockwave"] },
];

export const DISCIPLINE_LABEL: Record<string, string> = {
  "sports-physio": "Sports physiotherapy",
  "exercise-physiology": "Exercise physiology",
};
