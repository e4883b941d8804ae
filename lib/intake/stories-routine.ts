// Stories without red flags that change the route: routing rows 4 to 7 and the unanswered rules.
import { NO_RED_FLAGS, QUIET_BACK, type PatientStory } from "./stories-types";

const sportsPhysio = { route: "sports-physio", urgency: "routine", service: "physio-initial", flags: [], alsoSeeGp: false } as const;
const ep = { route: "exercise-physiology", urgency: "routine", service: "ep-initial", flags: [], alsoSeeGp: false } as const;
const online = { route: "online-rehab", urgency: "routine", service: "online-rehab-initial", flags: [], alsoSeeGp: false } as const;

export const ROUTINE_STORIES: PatientStory[] = [
  {
    id: "runner-plateaued-online",
    story: "Runner, 34, six months of deep buttock pain worse sitting; physio diagnosed it, exercises plateaued; wants online rehab and has space at home.",
    age: 34,
    answers: {
      consent: true, region: "buttock", side: "left", onset: "gradual", weeks: 26, course: "same", "pain-now": 3, "pain-worst": 6,
      aggravators: ["running", "sitting", "bending"], radiates: ["none"], ...QUIET_BACK, diagnosed: true, "diagnosed-by": "physio",
      treatments: ["physio", "exercise-program"], "treatment-result": "plateaued", "training-change": false, goal: "return-to-sport", sport: "Running",
      "function-1": "Run 5 km", "function-1-score": 3, "function-2": "Sit through a work meeting", "function-2-score": 5,
      "risk-strength-imbalance": "yes", "risk-flexibility": "unsure", "risk-core": "no", "risk-pelvis": "no", "risk-leg-length": "no",
      "height-cm": 168, "weight-kg": 61, sex: "female", ...NO_RED_FLAGS, "prefer-online": true, "online-suitable": true,
    },
    expected: online,
  },
  {
    id: "over-50-diagnosed-online",
    story: "Golfer, 55, diagnosed by a doctor with hamstring tendinopathy 5 months ago; wants to get back to golf, happy to do rehab by video.",
    age: 55,
    answers: {
      consent: true, region: "buttock", onset: "gradual", weeks: 20, course: "improving", ...QUIET_BACK, diagnosed: true, "diagnosed-by": "doctor",
      treatments: ["none"], goal: "return-to-sport", sport: "Golf", ...NO_RED_FLAGS, "prefer-online": true, "online-suitable": true,
    },
    expected: online,
  },
  {
    id: "footballer-no-help-in-clinic",
    story: "Footballer, 22, kicking hurts for 30 weeks; shockwave did nothing; prefers to come in.",
    age: 22,
    answers: {
      consent: true, region: "buttock", onset: "gradual", weeks: 30, course: "improving", aggravators: ["kicking", "running"], ...QUIET_BACK, diagnosed: true,
      treatments: ["shockwave"], "treatment-result": "no-help", goal: "daily-activities", ...NO_RED_FLAGS, "prefer-online": false,
    },
    expected: ep,
  },
  {
    id: "wants-online-not-set-up",
    story: "Nurse, 41, diagnosed 4 months ago, not changing; would like online but has no private space and doesn't feel safe exercising alone.",
    age: 41,
    answers: {
      consent: true, region: "back-of-thigh", onset: "gradual", weeks: 16, course: "same", ...QUIET_BACK, diagnosed: true, treatments: ["massage"], "treatment-result": "helped",
      goal: "less-pain", ...NO_RED_FLAGS, "prefer-online": true, "online-suitable": false,
    },
    expected: ep,
  },
  {
    id: "back-pain-without-referral",
    story: "Rower, 36, some low back stiffness too but pain only down the back of the thigh; diagnosed, 16 weeks, unchanged.",
    age: 36,
    answers: {
      consent: true, region: "back-of-thigh", onset: "gradual", weeks: 16, course: "same", radiates: ["back-of-thigh"], "back-pain": true, "pins-needles": false,
      diagnosed: true, ...NO_RED_FLAGS, "prefer-online": false,
    },
    expected: ep,
  },
  {
    id: "sudden-without-pop-or-bruise",
    story: "Dancer, 26, felt a sudden twinge 13 weeks ago with no pop or bruise; diagnosed, wants to dance again.",
    age: 26,
    answers: {
      consent: true, region: "back-of-thigh", onset: "sudden", pop: false, bruising: false, weeks: 13, course: "improving", diagnosed: true,
      goal: "return-to-sport", sport: "Ballet", ...NO_RED_FLAGS, "prefer-online": false,
    },
    expected: ep,
  },
  {
    id: "suitable-answered-without-wish",
    story: "Sent by an app that filled in online-suitable although online rehab was not wanted.",
    answers: { region: "buttock", weeks: 20, course: "same", diagnosed: true, "prefer-online": false, "online-suitable": true },
    expected: ep,
  },
  {
    id: "recent-and-diagnosed",
    story: "Soccer player, 19, GP diagnosed a hamstring strain 3 weeks ago; improving.",
    age: 19,
    answers: { consent: true, region: "back-of-thigh", onset: "gradual", weeks: 3, course: "improving", diagnosed: true, "diagnosed-by": "doctor", ...NO_RED_FLAGS },
    expected: sportsPhysio,
  },
  {
    id: "getting-worse",
    story: "Teacher, 45, diagnosed 20 weeks ago, now getting worse despite exercises; wants online.",
    age: 45,
    answers: {
      consent: true, region: "buttock", onset: "gradual", weeks: 20, course: "worse", diagnosed: true, treatments: ["exercise-program"], "treatment-result": "no-help",
      ...NO_RED_FLAGS, "prefer-online": true, "online-suitable": true,
    },
    expected: sportsPhysio,
  },
  {
    id: "knee-twist-locking",
    story: "Basketballer, 31, twisted the knee 2 weeks ago; it catches and gives way behind the knee.",
    age: 31,
    answers: {
      consent: true, region: "back-of-knee", side: "right", onset: "sudden", pop: false, bruising: false, weeks: 2, course: "same",
      "knee-lump": false, "knee-locking": true, "twisting-injury": true, diagnosed: false, ...NO_RED_FLAGS,
    },
    expected: sportsPhysio,
  },
  {
    id: "age-50-exactly",
    story: "Cyclist, exactly 50, gradual buttock ache, not yet diagnosed: not over 50, so no GP flag.",
    age: 50,
    answers: { consent: true, region: "buttock", onset: "gradual", weeks: 8, course: "same", diagnosed: false, ...NO_RED_FLAGS },
    expected: sportsPhysio,
  },
  {
    id: "bakers-cyst-no-clot-risk",
    story: "Scan showed a Baker's cyst 8 weeks ago; some calf swelling but no surgery, flights or clot history.",
    age: 48,
    answers: {
      consent: true, region: "back-of-knee", onset: "gradual", weeks: 8, course: "same", "knee-lump": true, diagnosed: true, "diagnosed-by": "imaging",
      ...NO_RED_FLAGS, "rf-calf-swelling": true, "rf-clot-risk": false,
    },
    expected: sportsPhysio,
  },
  {
    id: "diagnosed-improving-long",
    story: "Tennis player, 40, diagnosed, 14 weeks in, improving with physio that helped; goal is less pain.",
    age: 40,
    answers: {
      consent: true, region: "buttock", onset: "gradual", weeks: 14, course: "improving", diagnosed: true, treatments: ["physio"], "treatment-result": "helped",
      goal: "less-pain", ...NO_RED_FLAGS, "prefer-online": true, "online-suitable": true,
    },
    expected: sportsPhysio,
  },
  {
    id: "weeks-not-answered",
    story: "Help-me-choose without the 'how long' answer: diagnosed, plateaued, wants online. Missing weeks matches neither row.",
    answers: { region: "buttock", course: "same", diagnosed: true, treatments: ["physio"], "treatment-result": "plateaued", "prefer-online": true, "online-suitable": true },
    expected: sportsPhysio,
  },
  {
    id: "diagnosed-eight-weeks",
    story: "Hockey player, 28, diagnosed, 8 weeks, not changing.",
    age: 28,
    answers: { consent: true, region: "back-of-thigh", onset: "gradual", weeks: 8, course: "same", diagnosed: true, ...NO_RED_FLAGS },
    expected: sportsPhysio,
  },
  {
    id: "help-me-choose-minimal",
    story: "Booking page, a few answers only: gradual thigh pain for a month, improving, not diagnosed.",
    answers: { consent: true, region: "back-of-thigh", onset: "gradual", weeks: 4, course: "improving", diagnosed: false },
    expected: sportsPhysio,
  },
  {
    id: "nothing-answered",
    story: "An empty help-me-choose: not diagnosed counts as no, so a physio sees them first.",
    answers: {},
    expected: sportsPhysio,
  },
  {
    id: "pop-answered-but-gradual",
    story: "Said the pain came on gradually, yet an old pop answer was left in: the pop question is not asked then, so it does not count.",
    age: 30,
    answers: { region: "buttock", onset: "gradual", pop: true, bruising: true, weeks: 20, course: "same", diagnosed: true, ...NO_RED_FLAGS, "prefer-online": false },
    expected: ep,
  },
  {
    id: "treatment-result-without-treatments",
    story: "API caller sent how treatment went without listing treatments; triage decides on what is given.",
    answers: { region: "buttock", weeks: 20, course: "improving", diagnosed: true, "treatment-result": "plateaued", "prefer-online": true, "online-suitable": true },
    expected: online,
  },
  {
    id: "treatment-result-ruled-out",
    story: "Said they tried nothing, yet sent 'plateaued': with no treatment the question is not asked, so it does not count.",
    answers: { region: "buttock", weeks: 20, course: "improving", diagnosed: true, treatments: ["none"], "treatment-result": "plateaued", "prefer-online": true, "online-suitable": true },
    expected: sportsPhysio,
  },
];
