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
  /** Two sentences, as patients read them when choosing. */
  bio: string;
  qualifications: string;
  /** Physiotherapists are on the AHPRA register (PHY + ten digits); exercise physiologists are accredited by ESSA. */
  ahpraNumber: string | null;
  /** A drawn portrait in db/seed/portraits/ (no stock photos), stored like an admin's upload. */
  portrait: string;
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
    bio: "Amelia helps runners with hamstring and Achilles tendon pain get back to their usual distances. She is also a clinical Pilates instructor and builds strength programs you can keep up at home.",
    qualifications: "BPhty (Hons), MSportsPhysio",
    ahpraNumber: "PHY0001734521",
    portrait: "amelia-chen.png",
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
    bio: "James treats football and rugby injuries, from sprained ankles to shoulder dislocations. He plans a staged return to sprinting and contact so you go back when your body is ready.",
    qualifications: "BAppSc (Physiotherapy), MSportsPhysio",
    ahpraNumber: "PHY0001852093",
    portrait: "james-okafor.png",
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
    bio: "Priya sees people whose tendon pain has lasted months and has not settled with rest. She combines loading programs with shockwave therapy where the evidence supports it.",
    qualifications: "BPhysio (Hons), MPhty (Musculoskeletal)",
    ahpraNumber: "PHY0001298476",
    portrait: "priya-raman.png",
    shifts: [{ location: "martin-place", days: [1, 2, 3, 4, 5], start: "07:30", end: "15:30", breakAt: LUNCH }],
    classes: [{ location: "martin-place", day: 2, start: "17:30", end: "18:25", service: "pilates-class" }],
  },
  {
    slug: "sophie-nguyen",
    name: "Sophie Nguyen",
    discipline: "sports-physio",
    title: SP,
    bio: "Sophie works with dancers and anyone with hip or hamstring problems. She trained in dance medicine and knows how to keep you in class while you recover.",
    qualifications: "BPhty, GradCert Dance Science",
    ahpraNumber: "PHY0002014638",
    portrait: "sophie-nguyen.png",
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
    bio: "Liam treats knee and distal hamstring injuries, especially in cyclists. He checks your bike set-up as part of getting you riding without pain.",
    qualifications: "BPhysio, MSportsPhysio",
    ahpraNumber: "PHY0001967305",
    portrait: "liam-walsh.png",
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
    bio: "Tom looks after triathletes and masters athletes training around work and family. He balances treatment with a training plan that fits your week.",
    qualifications: "BAppSc (Physiotherapy)",
    ahpraNumber: "PHY0001483910",
    portrait: "tom-hartley.png",
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
    bio: "Ella treats netball and tennis injuries and sees many junior athletes. She explains each step in plain words to players and their parents.",
    qualifications: "DPT (Doctor of Physiotherapy)",
    ahpraNumber: "PHY0002157849",
    portrait: "ella-fraser.png",
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
    bio: "Grace writes tendon loading programs and guides people back to running after injury. Each session builds on the last, with clear goals you can track.",
    qualifications: "BExSc, MClinExPhys, AEP (ESSA)",
    ahpraNumber: null,
    portrait: "grace-miller.png",
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
    bio: "Daniel brings strength and conditioning to players of football, rugby and hockey. He helps you rebuild power and speed after injury and lower the chance of it coming back.",
    qualifications: "BExSpSc, MExPhys, AEP (ESSA)",
    ahpraNumber: null,
    portrait: "daniel-costa.png",
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
    bio: "Hannah works with older adults on bone health, balance and persistent pain. Her programs start where you are and build the strength for everyday life.",
    qualifications: "BExSc (Hons), MClinExPhys, AEP (ESSA)",
    ahpraNumber: null,
    portrait: "hannah-lee.png",
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
    bio: "Oliver runs remote rehab programs for runners anywhere in Australia. You train at home by video, with a plan he adjusts every week.",
    qualifications: "BExSc, MClinExPhys, AEP (ESSA)",
    ahpraNumber: null,
    portrait: "oliver-brooks.png",
    shifts: [{ location: "online", days: [1, 2, 3, 4, 5], start: "07:00", end: "19:00", breakAt: ["12:00", "13:00"] }],
  },
  {
    slug: "mia-thompson",
    name: "Mia Thompson",
    discipline: "exercise-physiology",
    title: EPT,
    bio: "Mia helps women exercise safely during pregnancy and return to exercise after birth. She works with your GP or obstetrician when needed.",
    qualifications: "BExSc, MExPhys, AEP (ESSA)",
    ahpraNumber: null,
    portrait: "mia-thompson.png",
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
    bio: "Noah tests hamstring strength and guides athletes through a safe return to sprinting. He uses simple measures so you can see your progress.",
    qualifications: "BExSpSc, MClinExPhys, AEP (ESSA)",
    ahpraNumber: null,
    portrait: "noah-patel.png",
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
