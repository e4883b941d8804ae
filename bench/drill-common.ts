// What the reliability drills share: a fresh Postgres database with the demo clinic, free slots to book, and plain
// HTTP requests that tell a connection error from an answer.
import { spawnSync } from "node:child_process";
import http from "node:http";
import postgres from "postgres";

export const PG_ADMIN_URL = process.env.DRILL_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** A stable secret for every process of one drill: the apps and the worker must seal and open the same links. */
export const DRILL_AUTH_SECRET = "drill-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
export const NEXT_DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-drill";

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops (if it exists) and creates an empty database. */
export async function createEmptyDatabase(name: string): Promise<string> {
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return databaseUrl(name);
}

/** Runs one of the project's tsx scripts (as its npm script does) with `env` added; throws if it fails. */
export function runScript(file: string, env: Record<string, string>, args: string[] = []): string {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", file, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`${file} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A fresh database, migrated and loaded with the demo clinic through `npm run db:migrate` and `npm run db:seed`. */
export async function createDemoDatabase(name: string): Promise<string> {
  const url = await createEmptyDatabase(name);
  runScript("db/migrate.ts", { DATABASE_URL: url });
  runScript("db/seed/run.ts", { DATABASE_URL: url });
  return url;
}

/** The production build the drills start: built once into NEXT_DIST_DIR unless it is already there. */
export function ensureBuild(): void {
  const marker = `${NEXT_DIST_DIR}/BUILD_ID`;
  if (spawnSync("test", ["-f", marker]).status === 0 && process.env.DRILL_REBUILD !== "1") return;
  console.log(`building into ${NEXT_DIST_DIR} ...`);
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: { ...process.env, NEXT_DIST_DIR, NEXT_SKIP_TYPECHECK: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error("next build failed");
}

export interface Slot {
  service: string;
  location: string;
  practitioner: string;
  start: string;
  end: string;
}

/**
 * Free slots from the API, at most one booking per practitioner at a time (so that the drill's bookings never
 * compete with each other for a time), from `fromDay` days ahead on.
 */
export async function findSlots(base: string, want: number, fromDay = 4): Promise<Slot[]> {
  const plan = [
    ...["martin-place", "barangaroo", "north-sydney", "chatswood", "mosman"].map((location) => ({
      location,
      service: "physio-follow-up",
    })),
    ...["north-sydney", "chatswood", "mosman", "online"].map((location) => ({
      location,
      service: location === "online" ? "online-rehab-session" : "ep-session",
    })),
  ];
  const today = new Date();
  const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const busy = new Map<string, [number, number][]>();
  const slots: Slot[] = [];
  for (let from = fromDay; from < fromDay + 56 && slots.length < want; from += 14) {
    for (const { location, service } of plan) {
      const res = await fetch(
        `${base}/api/v1/availability?location=${location}&service=${service}&from=${day(from)}&to=${day(from + 13)}`,
      );
      if (!res.ok) continue;
      const body = (await res.json()) as { slots: { start: string; end: string; practitioner: string }[] };
      for (const s of body.slots) {
        const [a, b] = [Date.parse(s.start), Date.parse(s.end)];
        // a gap of 30 minutes either side keeps clear of any buffer the service adds
        const mine = busy.get(s.practitioner) ?? [];
        if (mine.some(([x, y]) => a < y + 30 * 60_000 && x < b + 30 * 60_000)) continue;
        mine.push([a, b]);
        busy.set(s.practitioner, mine);
        slots.push({ service, location, practitioner: s.practitioner, start: s.start, end: s.end });
      }
    }
  }
  return slots.slice(0, want);
}

export function bookingBody(slot: Slot, email: string) {
  return {
    service: slot.service,
    location: slot.location,
    practitioner: slot.practitioner,
    start: slot.start,
    patient: { firstName: "Drill", lastName: "Client", email, phone: "0412345678", dateOfBirth: "1990-01-01" },
  };
}

export interface Answer {
  status: number;
  body: unknown;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request; resolves with the answer, rejects on a connection error or after `timeoutMs`. */
export function request(
  port: number,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        agent,
        timeout: timeoutMs,
        headers: {
          ...headers,
          ...(data ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(data);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const seconds = (ms: number) => (ms / 1000).toFixed(1);
