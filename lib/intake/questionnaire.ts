// The intake questionnaire: one definition that drives the patient form, server
// validation, the FHIR export, triage and the clinician summary.
// linkIds and codes are a contract (shared/spec/intake.md); the wording is the clinic's own.
import {
  choice,
  freeText,
  integer,
  multiChoice,
  step,
  when,
  yesNo,
  type AnswerValueOf,
  type QuestionItem,
} from "./questionnaire-types";

/** Bump when an item, code or condition changes; stored with every response. */
export const QUESTIONNAIRE_VERSION = "1.0.0";

export const QUESTIONNAIRE_TITLE = "Before your visit: hamstring, buttock and knee pain";

/** Shown before any health question, on the intake form and on the booking page's "help me choose". */
export const COLLECTION_NOTICE = [
  "Why we ask: your answers help us suggest the right kind of appointment, spot anything that needs a doctor first, and make the most of your first visit.",
  "Who sees them: your answers are seen only by the practitioner treating you and the clinic's administrators. Reception staff see only whether the form is done, the kind of appointment suggested, and whether we need to call you.",
  "Questions marked optional can be skipped. We keep your information private and secure, and you can ask to see or correct it at any time.",
].join("\n\n");

const YES_NO_UNSURE = [
  { code: "yes", display: "Yes" },
  { code: "no", display: "No" },
  { code: "unsure", display: "Not sure" },
] as const;

const TREATMENT_OPTIONS = [
  { code: "physio", display: "Physiotherapy" },
  { code: "exercise-program", display: "An exercise program" },
  { code: "shockwave", display: "Shockwave therapy" },
  { code: "massage", display: "Massage" },
  { code: "cortisone", display: "A cortisone injection" },
  { code: "prp", display: "A PRP (platelet-rich plasma) injection" },
  { code: "surgery", display: "Surgery" },
  { code: "none", display: "Nothing yet" },
] as const;

const PAIN_HELP = "0 means no pain at all, 10 means the worst pain you can imagine.";
const SCORE_HELP = "0 means you can't do it at all, 10 means as well as before this started.";

const functionPair = <const N extends 1 | 2 | 3>(n: N) => {
  const first = n === 1;
  return [
    freeText(
      `function-${n}`,
      first ? "Name one activity that is hard because of this problem" : "Another activity that is hard (optional)",
      {
        helper: first
          ? "For example: sitting through a meeting, running 5 km, climbing stairs, picking up a child."
          : undefined,
        required: first,
        maxLength: 120,
      },
    ),
    integer(
      `function-${n}-score`,
      "How well can you do it now, from 0 to 10?",
      { min: 0, max: 10 },
      { helper: SCORE_HELP, required: first },
    ),
  ] as const;
};

export const STEPS = [
  step("consent", "Before we start", [
    yesNo("consent", "I agree to share my health information with the clinic for my care", {
      mustBeTrue: true,
      // The notice must come before any health question, on the booking page too.
      triage: true,
    }),
  ]),

  step("where", "Where it hurts and how it started", [
    choice(
      "region",
      "Where is the pain mostly?",
      [
        { code: "buttock", display: "Deep in the buttock, at the sit bone, or the very top of the back of the thigh" },
        { code: "back-of-thigh", display: "Further down the back of the thigh" },
        { code: "back-of-knee", display: "Behind the knee" },
        { code: "other", display: "Somewhere else" },
      ],
      { triage: true },
    ),
    choice("side", "Which side?", [
      { code: "left", display: "Left" },
      { code: "right", display: "Right" },
      { code: "both", display: "Both sides" },
    ]),
    choice(
      "onset",
      "How did it start?",
      [
        { code: "gradual", display: "Slowly, over days or weeks" },
        { code: "sudden", display: "Suddenly, at one moment" },
      ],
      { triage: true },
    ),
    yesNo("pop", "At that moment, did you feel a pop or a tearing feeling?", {
      enableWhen: [when("onset", "sudden")],
      triage: true,
    }),
    yesNo("bruising", "Did bruising appear afterwards?", {
      helper: "Bruising often shows on the back of the thigh, sometimes a day or two later.",
      enableWhen: [when("onset", "sudden")],
      triage: true,
    }),
    integer(
      "weeks",
      "About how long ago did it start?",
      { min: 0, max: 520, unit: "weeks" },
      {
        helper: "In weeks or months; your best guess is fine. If it was less than a week ago, enter 0 weeks.",
        triage: true,
      },
    ),
    choice(
      "course",
      "Lately, is it…",
      [
        { code: "improving", display: "Getting better" },
        { code: "same", display: "About the same" },
        { code: "worse", display: "Getting worse" },
      ],
      { triage: true },
    ),
  ]),

  step("pain", "Your pain and what makes it worse", [
    integer("pain-now", "How much does it hurt right now?", { min: 0, max: 10 }, { helper: PAIN_HELP }),
    integer(
      "pain-worst",
      "At its worst in the last week, how much did it hurt?",
      { min: 0, max: 10 },
      { helper: PAIN_HELP },
    ),
    multiChoice(
      "aggravators",
      "What makes it worse? Choose all that apply.",
      [
        { code: "running", display: "Running" },
        { code: "jumping", display: "Jumping" },
        { code: "kicking", display: "Kicking" },
        { code: "sitting", display: "Sitting, especially on hard seats" },
        { code: "bending", display: "Bending forward, like putting on socks" },
        { code: "stairs", display: "Going up or down stairs" },
        { code: "squatting", display: "Squatting or lunging" },
        { code: "none", display: "None of these" },
      ],
      { exclusiveCode: "none" },
    ),
    multiChoice(
      "radiates",
      "Does the pain spread anywhere? Choose all that apply.",
      [
        { code: "back-of-thigh", display: "Down the back of the thigh" },
        { code: "around-knee", display: "Around the knee" },
        { code: "below-knee", display: "Below the knee, into the calf or shin" },
        { code: "foot", display: "Into the foot" },
        { code: "none", display: "No, it stays in one place" },
      ],
      { exclusiveCode: "none", triage: true },
    ),
    yesNo("back-pain", "Do you also have pain in your lower back?", { triage: true }),
    yesNo("pins-needles", "Do you have pins and needles or numbness anywhere in the leg?", { triage: true }),
  ]),

  step("knee", "About your knee", [
    yesNo("knee-lump", "Have you noticed a lump, or a full, tight feeling, behind the knee?", {
      enableWhen: [when("region", "back-of-knee")],
    }),
    yesNo("knee-locking", "Does the knee lock, catch or give way?", { enableWhen: [when("region", "back-of-knee")] }),
    yesNo("twisting-injury", "Did it start with a twist of the knee?", {
      enableWhen: [when("region", "back-of-knee")],
    }),
  ]),

  step("history", "What has happened so far", [
    yesNo("diagnosed", "Has a physio or doctor told you what the problem is?", { triage: true }),
    choice(
      "diagnosed-by",
      "Who told you?",
      [
        { code: "physio", display: "A physiotherapist" },
        { code: "doctor", display: "A doctor" },
        { code: "imaging", display: "A scan, such as an ultrasound or MRI, showed it" },
        { code: "other", display: "Someone else" },
      ],
      { enableWhen: [when("diagnosed", true)] },
    ),
    multiChoice("treatments", "What have you tried for it so far? Choose all that apply.", TREATMENT_OPTIONS, {
      exclusiveCode: "none",
      triage: true,
    }),
    choice(
      "treatment-result",
      "How did that go?",
      [
        { code: "helped", display: "It helped" },
        { code: "plateaued", display: "It helped at first, then stopped helping" },
        { code: "no-help", display: "It didn't help" },
      ],
      {
        // "Anything but none", said as FHIR can say it: any of the real treatments.
        enableWhen: TREATMENT_OPTIONS.filter((o) => o.code !== "none").map((o) => when("treatments", o.code)),
        enableBehavior: "any",
        triage: true,
      },
    ),
    yesNo(
      "training-change",
      "Just before this started, did you suddenly do a lot more training or exercise than usual?",
      {
        helper: "For example more kilometres, more hills or sprints, or starting a new sport.",
        triage: true,
      },
    ),
  ]),

  step("goals", "Your goals and what is hard to do", [
    choice(
      "goal",
      "What matters most to you right now?",
      [
        { code: "return-to-sport", display: "Getting back to my sport or exercise" },
        { code: "daily-activities", display: "Doing everyday things more easily" },
        { code: "less-pain", display: "Having less pain" },
      ],
      { triage: true },
    ),
    freeText("sport", "Which sport or activity?", { enableWhen: [when("goal", "return-to-sport")], maxLength: 80 }),
    ...functionPair(1),
    ...functionPair(2),
    ...functionPair(3),
  ]),

  step(
    "body",
    "About your body",
    [
      choice(
        "risk-strength-imbalance",
        "Have you been told the muscles at the back of your thigh are weak compared with the front?",
        YES_NO_UNSURE,
      ),
      choice(
        "risk-flexibility",
        "Are the muscles at the back of your thighs tight, or have you been told your flexibility is reduced?",
        YES_NO_UNSURE,
      ),
      choice("risk-core", "Have you been told your core (tummy and trunk) muscles are weak?", YES_NO_UNSURE),
      choice("risk-pelvis", "Have you been told about a problem with how your pelvis sits or moves?", YES_NO_UNSURE),
      choice("risk-leg-length", "Have you been told one leg is longer than the other?", YES_NO_UNSURE),
      integer(
        "height-cm",
        "Your height in centimetres (optional)",
        { min: 50, max: 250, unit: "cm" },
        { required: false },
      ),
      integer(
        "weight-kg",
        "Your weight in kilograms (optional)",
        { min: 20, max: 350, unit: "kg" },
        { required: false },
      ),
      choice(
        "sex",
        "Your sex (optional)",
        [
          { code: "female", display: "Female" },
          { code: "male", display: "Male" },
          { code: "other", display: "Another term" },
          { code: "prefer-not", display: "I'd rather not say" },
        ],
        { required: false, helper: "We ask because some tendon problems are more common in women." },
      ),
    ],
    'These help your practitioner understand what may have led to the problem. "Not sure" is a fine answer.',
  ),

  step(
    "safety",
    "Safety questions",
    [
      yesNo("rf-saddle-numbness", "Is there any new numbness around your groin, genitals or back passage?", {
        triage: true,
      }),
      yesNo("rf-bladder-bowel", "Any new trouble passing urine, or any loss of control of your bladder or bowels?", {
        triage: true,
      }),
      yesNo(
        "rf-both-legs-weakness",
        "Do you have weakness or other symptoms in both legs, or is a leg getting weaker quickly?",
        { triage: true },
      ),
      yesNo("rf-calf-swelling", "Is there swelling, heat or redness in your calf or behind your knee?", {
        triage: true,
      }),
      yesNo(
        "rf-clot-risk",
        "Recently, have you had surgery, a plaster cast or a long flight, or are you pregnant or taking hormone tablets? Or have you ever had a blood clot?",
        {
          helper: "If you're not sure, leave this one blank.",
          required: false,
          enableWhen: [when("rf-calf-swelling", true)],
          triage: true,
        },
      ),
      yesNo("rf-chest", "Do you have chest pain, or are you short of breath?", { triage: true }),
      yesNo("rf-fever", "Do you have a fever or chills, or feel generally unwell?", { triage: true }),
      yesNo(
        "rf-cannot-weight-bear",
        "Since an injury in the last 7 days, are you unable to take four steps on that leg?",
        {
          helper: "Answer no if you haven't been injured in the last week.",
          triage: true,
        },
      ),
      yesNo("rf-cancer-history", "Have you ever had cancer, or do you have it now?", { triage: true }),
      yesNo("rf-weight-loss", "Have you lost weight recently without trying?", { triage: true }),
      yesNo("rf-night-pain", "Is the pain there all the time, or at night, with no position that eases it?", {
        triage: true,
      }),
    ],
    "These check for rare problems that need a doctor first. Most people answer no to all of them.",
  ),

  step("online", "Online rehab", [
    yesNo("prefer-online", "Would you like to do your rehab online, by video, from home?", { triage: true }),
    yesNo(
      "online-suitable",
      "Do you have a private space to exercise, a phone or computer with a camera, and feel safe exercising on your own?",
      {
        enableWhen: [when("prefer-online", true)],
        triage: true,
      },
    ),
  ]),
] as const;

export type IntakeStep = (typeof STEPS)[number];
export type StepId = IntakeStep["id"];
export type IntakeItem = IntakeStep["items"][number];
export type LinkId = IntakeItem["linkId"];

/** Answers keyed by linkId; a missing key means the question was not answered. */
export type Answers = { -readonly [I in IntakeItem as I["linkId"]]?: AnswerValueOf<I> };

/** Every question, in the order the form asks them (a condition's question always comes first). */
export const ITEMS: readonly QuestionItem[] = STEPS.flatMap((s): readonly QuestionItem[] => s.items);

const BY_LINK_ID: ReadonlyMap<string, QuestionItem> = new Map(ITEMS.map((i) => [i.linkId, i]));

export function findItem(linkId: string): QuestionItem | undefined {
  return BY_LINK_ID.get(linkId);
}

export const TRIAGE_LINK_IDS: readonly LinkId[] = ITEMS.filter((i) => i.triage).map((i) => i.linkId as LinkId);

/** The booking page's "help me choose": the same steps, holding only the items routing needs. */
export const TRIAGE_STEPS: readonly { id: string; title: string; items: readonly QuestionItem[] }[] = STEPS.map(
  (s) => ({
    id: s.id,
    title: s.title,
    items: s.items.filter((i: QuestionItem) => i.triage),
  }),
).filter((s) => s.items.length > 0);
