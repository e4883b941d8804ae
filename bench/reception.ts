// `npm run bench:reception`: the reception day view of the busiest location (10 practitioners, 150 appointments that day)
// on the benchmark clinic: server response p50/p95 and click-to-painted-calendar in Chromium. Run bench:api first
// (it builds the clinic); needs the same production build (NEXT_DIST_DIR) and Postgres.
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { DateTime } from "luxon";
import postgres from "postgres";
import { hashPassword } from "@/lib/security/password";
import { hashToken } from "@/lib/security/tokens";
import { BENCH_DATABASE_URL, CHROMIUM_FLAGS, CHROMIUM_PATH, pct, startApp } from "./common";

const PORT = 3601;
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench-reception@demo.clinic";
const PASSWORD = "bench-reception-2026";

/** Two consecutive weekdays beyond the API benchmark's range, each with 15 visits for each of Chatswood's 10 practitioners. */
async function prepare(sql: postgres.Sql): Promise<[string, string]> {
  let day = DateTime.now().setZone("Australia/Sydney").startOf("day").plus({ days: 53 });
  while (day.weekday > 4) day = day.plus({ days: 1 });
  const days = [day, day.plus({ days: 1 })];
  await sql`insert into staff_users (email, name, role, password_hash) values (${EMAIL}, 'Bench Reception', 'reception', ${await hashPassword(PASSWORD)}) on conflict (email) do nothing`;
  const [loc] = await sql`select id from locations where slug = 'chatswood'`;
  const staff =
    await sql`select p.id, p.discipline from practitioners p join practitioner_locations pl on pl.practitioner_id = p.id where pl.location_id = ${loc!.id}`;
  const patients = await sql`select id from patients limit 200`;
  for (const d of days) {
    const start = d.toJSDate();
    const end = d.plus({ days: 1 }).toJSDate();
    await sql`delete from appointments where location_id = ${loc!.id} and starts_at >= ${start} and starts_at < ${end} and source = 'import'`;
    const [{ n }] =
      (await sql`select count(*)::int as n from appointments where location_id = ${loc!.id} and starts_at >= ${start} and starts_at < ${end} and status <> 'cancelled'`) as unknown as [
        { n: number },
      ];
    if (n >= 150) continue;
    let i = 0;
    for (const p of staff) {
      const [svc] =
        await sql`select s.id from services s join service_locations sl on sl.service_id = s.id where sl.location_id = ${loc!.id} and s.discipline = ${p.discipline} and s.duration_minutes = 30 limit 1`;
      const [svc45] =
        await sql`select s.id from services s join service_locations sl on sl.service_id = s.id where sl.location_id = ${loc!.id} and s.discipline = ${p.discipline} and s.capacity = 1 order by s.duration_minutes limit 1`;
      const times = [
        ...Array.from({ length: 9 }, (_, k) => d.set({ hour: 8 }).plus({ minutes: 30 * k })),
        ...Array.from({ length: 6 }, (_, k) => d.set({ hour: 13, minute: 15 }).plus({ minutes: 30 * k })),
      ];
      for (const t of times) {
        const range = `[${t.toUTC().toISO()},${t.plus({ minutes: 30 }).toUTC().toISO()})`;
        await sql`insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, source, manage_token_hash, intake_token_hash)
          values (${(svc ?? svc45)!.id}, ${loc!.id}, ${p.id}, ${patients[i++ % patients.length]!.id}, ${range}::tstzrange, ${range}::tstzrange, 'import', ${hashToken(`rb-m-${range}-${p.id}`)}, ${hashToken(`rb-i-${range}-${p.id}`)})
          on conflict do nothing`.catch(() => undefined);
      }
    }
  }
  return [days[0]!.toISODate()!, days[1]!.toISODate()!];
}

async function main() {
  const sql = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  const [d1, d2] = await prepare(sql);
  const [{ n }] =
    (await sql`select count(*)::int as n from appointments a join locations l on l.id = a.location_id where l.slug = 'chatswood' and a.status <> 'cancelled' and (a.starts_at at time zone 'Australia/Sydney')::date = ${d1}`) as unknown as [
      { n: number },
    ];
  await sql.end();
  const app = await startApp(PORT, { DATABASE_URL: BENCH_DATABASE_URL, NOTIFICATIONS_WORKER: "off" });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${BASE}/login`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/calendar/);

    const api: number[] = [];
    const html: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      const res = await page.request.get(
        `${BASE}/api/v1/staff/calendar/day?location=chatswood&date=${i % 2 ? d2 : d1}`,
      );
      await res.body();
      if (i >= 5) api.push(performance.now() - t0);
    }
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await (await page.request.get(`${BASE}/calendar?location=chatswood&date=${d1}`)).body();
      if (i >= 5) html.push(performance.now() - t0);
    }
    await page.goto(`${BASE}/calendar?location=chatswood&date=${d1}`);
    await page.locator(".appt").first().waitFor();
    const clicks: number[] = [];
    for (let i = 0; i < 20; i++) {
      const label = i % 2 === 0 ? "Next day" : "Previous day";
      const target = i % 2 === 0 ? d2 : d1;
      const ms = await page.evaluate(
        async ({ label, target }) => {
          const t0 = performance.now();
          (document.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement).click();
          // painted: the URL shows the new day, the grid is not busy, its cards are in the DOM, and a frame has been drawn
          for (;;) {
            const grid = document.querySelector(".cal-scroll");
            if (
              location.search.includes(target) &&
              grid?.getAttribute("aria-busy") !== "true" &&
              document.querySelectorAll(".appt").length > 0
            )
              break;
            await new Promise((r) => requestAnimationFrame(() => r(null)));
          }
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
          return performance.now() - t0;
        },
        { label, target },
      );
      clicks.push(ms);
    }
    const f = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;
    console.log(`Chatswood on ${d1}: ${n} appointments`);
    console.log(`day board JSON (GET /api/v1/staff/calendar/day): ${f(api)}`);
    console.log(`calendar page HTML (server render): ${f(html)}`);
    console.log(`click "next/previous day" to painted calendar in Chromium: ${f(clicks)}`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
