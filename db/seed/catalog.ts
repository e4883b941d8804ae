// The demo clinic group of product.md. Slugs are part of the public contract.
type Discipline = "sports-physio" | "exercise-physiology";

export const GROUP = { name: "Harbour Physio Group", phone: "(02) 9000 4100" };
export const SYDNEY = "Australia/Sydney";

export const LOCATIONS = [
  {
    slug: "martin-place",
    name: "Martin Place",
    address: "Level 4, 60 Martin Place, Sydney NSW 2000",
    phone: "(02) 9000 4101",
    disciplines: ["sports-physio"],
  },
  {
    slug: "barangaroo",
    name: "Barangaroo",
    address: "Shop 12, 200 Barangaroo Avenue, Barangaroo NSW 2000",
    phone: "(02) 9000 4102",
    disciplines: ["sports-physio"],
  },
  {
    slug: "north-sydney",
    name: "North Sydney",
    address: "Suite 3, 100 Miller Street, North Sydney NSW 2060",
    phone: "(02) 9000 4103",
    disciplines: ["sports-physio", "exercise-physiology"],
  },
  {
    slug: "chatswood",
    name: "Chatswood",
    address: "Level 2, 5 Help Street, Chatswood NSW 2067",
    phone: "(02) 9000 4104",
    disciplines: ["sports-physio", "exercise-physiology"],
  },
  {
    slug: "mosman",
    name: "Mosman",
    address: "520 Military Road, Mosman NSW 2088",
    phone: "(02) 9000 4105",
    disciplines: ["exercise-physiology", "sports-physio"],
  },
  {
    slug: "online",
    name: "Online rehab",
    address: null,
    phone: "(02) 9000 4100",
    disciplines: ["exercise-physiology"],
  },
] as const satisfies readonly {
  slug: string;
  name: string;
  address: string | null;
  phone: string;
  disciplines: readonly Discipline[];
}[];

const PHYSIO = ["martin-place", "barangaroo", "north-sydney", "chatswood", "mosman"];
const EP = ["north-sydney", "chatswood", "mosman"];

export const SERVICES = [
  {
    slug: "physio-initial",
    fee: 11000,
    name: "Sports physiotherapy initial assessment",
    discipline: "sports-physio",
    minutes: 45,
    capacity: 1,
    locations: PHYSIO,
    description: "A full assessment of your pain or injury, a clear diagnosis and a plan you can start today.",
  },
  {
    slug: "physio-follow-up",
    fee: 9500,
    name: "Sports physiotherapy follow-up",
    discipline: "sports-physio",
    minutes: 30,
    capacity: 1,
    locations: PHYSIO,
    description: "Review, hands-on treatment and progressing your exercises.",
  },
  {
    slug: "ep-initial",
    fee: 12000,
    name: "Exercise physiology initial consultation",
    discipline: "exercise-physiology",
    minutes: 60,
    capacity: 1,
    locations: EP,
    description: "A strength and load assessment and a graded program for a diagnosed, long-standing problem.",
  },
  {
    slug: "ep-session",
    fee: 0,
    name: "Exercise physiology session",
    discipline: "exercise-physiology",
    minutes: 45,
    capacity: 1,
    locations: EP,
    description: "Supervised strength and return-to-sport training.",
  },
  {
    slug: "online-rehab-initial",
    fee: 10000,
    name: "Online rehab initial consultation",
    discipline: "exercise-physiology",
    minutes: 45,
    capacity: 1,
    locations: ["online"],
    online: true,
    description: "An assessment by video and a home program, wherever you are.",
  },
  {
    slug: "online-rehab-session",
    fee: 7500,
    name: "Online rehab session",
    discipline: "exercise-physiology",
    minutes: 30,
    capacity: 1,
    locations: ["online"],
    online: true,
    description: "A video session to check and progress your program.",
  },
  {
    slug: "pilates-class",
    fee: 4500,
    name: "Clinical Pilates class",
    discipline: "sports-physio",
    minutes: 55,
    capacity: 6,
    locations: ["martin-place", "barangaroo"],
    description: "Small-group reformer class run by a physiotherapist, six people at most.",
  },
  {
    slug: "shockwave",
    fee: null,
    name: "Shockwave therapy",
    discipline: "sports-physio",
    minutes: 20,
    capacity: 1,
    locations: ["martin-place", "chatswood"],
    bufferAfter: 10,
    description: "Focused shockwave for stubborn tendon pain, as part of a loading program.",
  },
] as const;

/** weekday: ISO (Mon = 1). A day is "start-end" with an optional lunch break. */
interface Shift {
  location: string;
  days: number[];
  start: string;
  end: string;
  breakAt?: [string, string];
}
interface ClassBlock {
  location: string;
  day: number;
  start: string;
  end: string;
  service: "pilates-class";
}
export interface DemoPractitioner {
  slug: string;
  name: string;
  discipline: Discipline;
  title: string;
  bio: string;
  shifts: Shift[];
  classes?: ClassBlock[];
}

const LUNCH: [string, string] = ["12:30", "13:15"];
const LATE_BREAK: [string, string] = ["14:00", "14:30"];
const SP = "Sports physiotherapist";
const EPT = "Exercise physiologist";

export const PRACTITIONERS: DemoPractitioner[] = [
  {
    slug: "amelia-chen",
    name: "Amelia Chen",
    discipline: "sports-physio",
    title: SP,
    bio: "Runners and hamstring tendinopathy; clinical Pilates instructor.",
    shifts: [
      { location: "martin-place", days: [1, 3, 5], start: "08:00", end: "17:00", breakAt: LUNCH },
      { location: "barangaroo", days: [2, 4], start: "08:00", end: "16:00", breakAt: LUNCH },
    ],
    classes: [{ location: "martin-place", day: 3, start: "17:15", end: "18:10", service: "pilates-class" }],
  },
  {
    slug: "james-okafor",
    name: "James Okafor",
    discipline: "sports-physio",
    title: SP,
    bio: "Football and rugby injuries, return to sprinting.",
    shifts: [
      { location: "barangaroo", days: [1, 3, 5], start: "10:00", end: "19:00", breakAt: LATE_BREAK },
      { location: "martin-place", days: [2, 4], start: "08:00", end: "17:00", breakAt: LUNCH },
    ],
    classes: [
      { location: "barangaroo", day: 1, start: "07:00", end: "07:55", service: "pilates-class" },
      { location: "barangaroo", day: 5, start: "07:00", end: "07:55", service: "pilates-class" },
    ],
  },
  {
    slug: "priya-raman",
    name: "Priya Raman",
    discipline: "sports-physio",
    title: "Senior sports physiotherapist",
    bio: "Persistent tendon pain and shockwave therapy.",
    shifts: [{ location: "martin-place", days: [1, 2, 3, 4, 5], start: "07:30", end: "15:30", breakAt: LUNCH }],
    classes: [{ location: "martin-place", day: 2, start: "17:30", end: "18:25", service: "pilates-class" }],
  },
  {
    slug: "sophie-nguyen",
    name: "Sophie Nguyen",
    discipline: "sports-physio",
    title: SP,
    bio: "Dancers, hip and hamstring problems.",
    shifts: [
      { location: "north-sydney", days: [1, 2, 3, 4], start: "08:00", end: "17:00", breakAt: LUNCH },
      { location: "chatswood", days: [5], start: "09:00", end: "17:00", breakAt: LUNCH },
    ],
  },
  {
    slug: "liam-walsh",
    name: "Liam Walsh",
    discipline: "sports-physio",
    title: SP,
    bio: "Knee and distal hamstring injuries, cycling.",
    shifts: [
      { location: "chatswood", days: [1, 2, 3, 4], start: "11:00", end: "19:30", breakAt: ["15:00", "15:30"] },
      { location: "mosman", days: [5], start: "08:00", end: "16:00", breakAt: LUNCH },
    ],
  },
  {
    slug: "tom-hartley",
    name: "Tom Hartley",
    discipline: "sports-physio",
    title: SP,
    bio: "Triathletes and masters athletes.",
    shifts: [
      { location: "mosman", days: [1, 3], start: "08:00", end: "17:00", breakAt: LUNCH },
      { location: "north-sydney", days: [2, 4, 5], start: "10:00", end: "19:00", breakAt: LATE_BREAK },
    ],
  },
  {
    slug: "ella-fraser",
    name: "Ella Fraser",
    discipline: "sports-physio",
    title: SP,
    bio: "Netball, tennis and junior athletes.",
    shifts: [
      { location: "mosman", days: [2, 4], start: "08:00", end: "17:00", breakAt: LUNCH },
      { location: "barangaroo", days: [1, 3], start: "08:00", end: "14:00" },
    ],
  },
  {
    slug: "grace-miller",
    name: "Grace Miller",
    discipline: "exercise-physiology",
    title: EPT,
    bio: "Tendon loading programs and return to running.",
    shifts: [
      { location: "north-sydney", days: [1, 3, 5], start: "08:00", end: "17:00", breakAt: LUNCH },
      { location: "online", days: [2, 4], start: "07:00", end: "15:00", breakAt: ["11:00", "11:30"] },
    ],
  },
  {
    slug: "daniel-costa",
    name: "Daniel Costa",
    discipline: "exercise-physiology",
    title: EPT,
    bio: "Strength and conditioning for field sports.",
    shifts: [
      { location: "chatswood", days: [1, 2, 3, 4], start: "09:00", end: "18:00", breakAt: LUNCH },
      { location: "online", days: [5], start: "08:00", end: "16:00", breakAt: LUNCH },
    ],
  },
  {
    slug: "hannah-lee",
    name: "Hannah Lee",
    discipline: "exercise-physiology",
    title: EPT,
    bio: "Older adults, bone health and persistent pain.",
    shifts: [
      { location: "mosman", days: [1, 2, 3], start: "08:00", end: "16:00", breakAt: LUNCH },
      { location: "chatswood", days: [4, 5], start: "10:00", end: "18:30", breakAt: LATE_BREAK },
    ],
  },
  {
    slug: "oliver-brooks",
    name: "Oliver Brooks",
    discipline: "exercise-physiology",
    title: "Online rehab lead",
    bio: "Remote rehab programs for runners anywhere in Australia.",
    shifts: [{ location: "online", days: [1, 2, 3, 4, 5], start: "07:00", end: "19:00", breakAt: ["12:00", "13:00"] }],
  },
  {
    slug: "mia-thompson",
    name: "Mia Thompson",
    discipline: "exercise-physiology",
    title: EPT,
    bio: "Pregnancy and postnatal return to exercise.",
    shifts: [
      { location: "mosman", days: [4, 5], start: "08:00", end: "16:00", breakAt: LUNCH },
      { location: "north-sydney", days: [2], start: "08:00", end: "17:00", breakAt: LUNCH },
    ],
  },
  {
    slug: "noah-patel",
    name: "Noah Patel",
    discipline: "exercise-physiology",
    title: EPT,
    bio: "Hamstring strength testing and sprint return.",
    shifts: [
      { location: "online", days: [1, 3], start: "12:00", end: "20:00", breakAt: ["16:00", "16:30"] },
      { location: "north-sydney", days: [4, 5], start: "08:00", end: "17:00", breakAt: LUNCH },
    ],
  },
];

export const FIRST_NAMES = [
  "Ana",
  "Ben",
  "Chloe",
  "David",
  "Emma",
  "Finn",
  "Georgia",
  "Harry",
  "Isla",
  "Jack",
  "Kate",
  "Leo",
  "Maya",
  "Nick",
  "Olivia",
  "Paul",
  "Quinn",
  "Ruby",
  "Sam",
  "Tara",
  "Umar",
  "Vera",
  "Will",
  "Xin",
  "Yasmin",
  "Zac",
  "Lucy",
  "Marco",
  "Nina",
  "Oscar",
];
export const LAST_NAMES = [
  "Lee",
  "Smith",
  "Brown",
  "Wilson",
  "Taylor",
  "Martin",
  "Kelly",
  "Wong",
  "Singh",
  "Murphy",
  "Rossi",
  "Kim",
  "Clarke",
  "Evans",
  "Young",
];
