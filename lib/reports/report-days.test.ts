// report_days is kept by triggers (db/migrations/0023_report_days_triggers.sql). After every kind of change a clinic
// makes, the kept rows must equal the rows worked out from scratch (report_days_drift() is empty), on both databases;
// on Postgres, also after many changes racing from several connection pools.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, type DbHandle, openPostgres, rowsOf } from "@/db/client";
import { env } from "@/lib/env";
import { createTestDb } from "@/lib/testing/test-db";
import { addStaff } from "@/lib/staff/testing/reception";
import { getReport } from "./get-report";
import { createReportFixture, FIXTURE_RANGE, type ReportFixture } from "./testing/report-fixture";

let handle: DbHandle & { url?: string };
let db: Db;
let fixture: ReportFixture;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  fixture = await createReportFixture(db);
});
afterEach(() => handle.close());

const drift = async (on: Db = db) =>
  rowsOf<{ side: string; figures: unknown }>(await on.execute(sql`select * from report_days_drift()`));

/** The fixture's appointment starting at `start` (Sydney's or Perth's local time, with offset), first by id. */
const at = (start: string, extra = sql``) =>
  sql`(select id from appointments where starts_at = ${start}::timestamptz${extra} order by id limit 1)`;

const A1 = "2027-01-25T09:00:00+11:00"; // amy, patient 1's first visit, intake before
const A4 = "2027-01-27T09:00:00+11:00"; // amy, intake 10 minutes after the start
const A6 = "2027-01-29T09:00:00+11:00"; // amy, patient 1's second visit, booked, intake only started
const CLASS = "2027-01-27T17:30:00+11:00"; // three places, the third cancelled
const B2 = "2027-01-28T12:00:00+11:00"; // bob

const shift = (interval: string) =>
  sql`during = tstzrange(lower(during) + ${interval}::interval, upper(during) + ${interval}::interval),
    blocked = tstzrange(lower(blocked) + ${interval}::interval, upper(blocked) + ${interval}::interval)`;

const changes: [string, ReturnType<typeof sql>][] = [
  [
    "a booking before a patient's first visit (the new patient moves to it)",
    sql`insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked, status, source,
        manage_token_hash, intake_token_hash)
      select service_id, location_id, practitioner_id, patient_id, tstzrange(lower(during) - interval '7 days',
        upper(during) - interval '7 days'), tstzrange(lower(blocked) - interval '7 days', upper(blocked) - interval '7 days'),
        'booked', 'online', ${randomUUID()}, ${randomUUID()}
      from appointments where id = ${at(A1)}`,
  ],
  ["a patient arrives", sql`update appointments set status = 'arrived' where id = ${at(A6)}`],
  [
    "a late cancellation",
    sql`update appointments set status = 'cancelled', cancelled_at = starts_at - interval '1 hour' where id = ${at(A6)}`,
  ],
  ["a cancellation undone", sql`update appointments set status = 'booked', cancelled_at = null where id = ${at(A6)}`],
  [
    "an intake started for a booked visit",
    sql`insert into intake_responses (appointment_id, patient_id, version, status, questionnaire_version, answers)
      select id, patient_id, 2, 'in-progress', 'test', '{}'::jsonb from appointments where id = ${at(A6)}`,
  ],
  [
    "that intake submitted before the visit",
    sql`update intake_responses set status = 'completed', submitted_at = '2027-01-28T09:00:00+11:00'
      where appointment_id = ${at(A6)} and version = 2`,
  ],
  [
    "two more versions submitted in one statement",
    sql`insert into intake_responses (appointment_id, patient_id, version, status, questionnaire_version, answers,
        submitted_at)
      select id, patient_id, v, 'completed', 'test', '{}'::jsonb, starts_at - interval '1 day'
      from appointments, (values (3), (4)) x(v) where id = ${at(A6)}`,
  ],
  [
    "every version of that intake deleted in one statement",
    sql`delete from intake_responses where appointment_id = ${at(A6)}`,
  ],
  [
    "a class place's two intakes moved to another visit in one statement",
    sql`update intake_responses set appointment_id = ${at(A6)}
      where appointment_id = ${at(CLASS, sql` and status <> 'cancelled'`)}`,
  ],
  [
    "two visits a fraction of a second longer, then one of them cancelled",
    sql`update appointments set during = tstzrange(lower(during), upper(during) + (interval '0.1 second' * (1 + (id = ${at(A1)})::int))),
        blocked = tstzrange(lower(blocked), upper(blocked) + interval '0.2 second')
      where id in (${at(A1)}, ${at(B2)})`,
  ],
  [
    "(the cancellation)",
    sql`update appointments set status = 'cancelled', cancelled_at = starts_at - interval '3 days' where id = ${at(A1)}`,
  ],
  [
    "a visit moved after its late intake, which is now in time",
    sql`update appointments set ${shift("2 hours")} where id = ${at(A4)}`,
  ],
  [
    "a visit moved three weeks earlier, before its patient's other visits",
    sql`update appointments set ${shift("-21 days")} where id = ${at(A1)}`,
  ],
  [
    "a Perth visit moved across local midnight",
    sql`update appointments set ${shift("13 hours")}
      where id = (select a.id from appointments a join locations l on l.id = a.location_id
        where l.slug = 'perth' and a.class_id is null order by a.starts_at, a.id limit 1)`,
  ],
  ["an intake deleted", sql`delete from intake_responses where appointment_id = ${at(B2)}`],
  [
    "the class's first place cancelled (its minutes move to the next)",
    sql`update appointments set status = 'cancelled', cancelled_at = starts_at - interval '2 days'
      where id = ${at(CLASS, sql` and status <> 'cancelled'`)}`,
  ],
  [
    "every place of the class cancelled",
    sql`update appointments set status = 'cancelled', cancelled_at = coalesce(cancelled_at, starts_at - interval '3 hours')
      where class_id is not null`,
  ],
  [
    "a class place reinstated",
    sql`update appointments set status = 'booked', cancelled_at = null where id = ${at(CLASS)}`,
  ],
  [
    "a visit given to another patient",
    sql`update appointments set patient_id = (select patient_id from appointments where id = ${at(B2)})
      where id = ${at(A6)}`,
  ],
  [
    "a visit given to another practitioner at the same location, two months earlier",
    sql`update appointments set practitioner_id = (select practitioner_id from appointments where id = ${at(B2)}),
        ${shift("-60 days")}
      where id = ${at(A6)}`,
  ],
  [
    "every online booking recorded as a phone booking",
    sql`update appointments set source = 'phone' where source = 'online'`,
  ],
  ["a service's cancellation window widened", sql`update services set cancellation_window_hours = 200`],
  ["a location's time zone changed", sql`update locations set timezone = 'Australia/Adelaide' where slug = 'perth'`],
  [
    "a visit's intakes deleted",
    sql`delete from intake_responses where appointment_id = ${at(A4, sql` + interval '2 hours'`)}`,
  ],
  ["then the visit", sql`delete from appointments where id = ${at(A4, sql` + interval '2 hours'`)}`],
];

describe("report_days, kept by the database", () => {
  it("starts equal to the figures worked out from scratch", async () => {
    expect(await drift()).toEqual([]);
    const [kept] = rowsOf<{ total: number; n: number }>(
      await db.execute(
        sql`select (select sum(total) from report_days)::int as total, (select count(*) from appointments)::int as n`,
      ),
    );
    expect(kept!.total).toBe(kept!.n);
  });

  it("stays equal to them after every kind of change, one after another", async () => {
    for (const [what, change] of changes) {
      await db.execute(change);
      expect({ what, drift: await drift() }).toEqual({ what, drift: [] });
    }
    const [n] = rowsOf<{ patients: number; kept: number }>(
      await db.execute(sql`select (select count(distinct patient_id) from appointments)::int as patients,
        (select sum(new_patients) from report_days)::int as kept`),
    );
    expect(n!.kept).toBe(n!.patients);
  });

  it("lists no practitioner for a day whose appointments all went elsewhere", async () => {
    const admin = await addStaff(db, "admin", "Manager");
    const listed = async () => (await getReport(db, admin, FIXTURE_RANGE)).practitioners.map((p) => p.practitioner);
    // dan (inactive, no roster) is given one visit in the range, then it goes to amy far outside it
    await db.execute(
      sql`update appointments set practitioner_id = ${fixture.practitioners.dan}::uuid where id = ${at(B2)}`,
    );
    expect(await listed()).toContain("dan");
    await db.execute(sql`update appointments set practitioner_id = ${fixture.practitioners.amy}::uuid, ${shift("-90 days")}
      where practitioner_id = ${fixture.practitioners.dan}::uuid`);
    expect(await listed()).not.toContain("dan");
    expect(await drift()).toEqual([]);
  });

  it("is mended by report_days_rebuild() if a row was changed by hand", async () => {
    await db.execute(sql`update report_days set total = total + 1
      where (day, location_id, practitioner_id) = (select day, location_id, practitioner_id from report_days limit 1)`);
    expect(await drift()).toHaveLength(2);
    await db.execute(sql`select report_days_rebuild()`);
    expect(await drift()).toEqual([]);
  });

  it.runIf(process.env.DATABASE_URL)(
    "stays equal when bookings, moves, cancellations and intakes race from three pools",
    async () => {
      const pools = [0, 1, 2].map(() => openPostgres(handle.url!, 4, { appRole: env.DATABASE_APP_ROLE }));
      try {
        // Work on a few patients and a few days, so the changes meet on the same rows.
        const base = rowsOf<{ id: string }>(
          await db.execute(sql`select id from appointments where class_id is null and source <> 'import' order by id`),
        ).map((r) => r.id);
        // three new patients, so that their first visit keeps changing as their bookings race
        const patients = rowsOf<{ id: string }>(
          await db.execute(sql`insert into patients (first_name, last_name, phone)
            select 'Racing', 'Patient ' || g, '0400 000 00' || g from generate_series(1, 3) g returning id`),
        ).map((r) => r.id);
        const ids: string[] = [...base];
        const booked: string[] = [];
        const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
        // the racing patients' bookings once there are some, so that their first visits move and go
        const theirs = (i: number) => pick(booked.length > 0 ? booked : ids, i);
        const ops = Array.from({ length: 140 }, async (_, i) => {
          // started in waves, so that later changes meet the bookings of earlier ones
          await new Promise((resolve) => setTimeout(resolve, (i % 7) * 15));
          // each change in a transaction that stays open a moment, so that they overlap
          const pool = {
            execute: (change: ReturnType<typeof sql>) =>
              pools[i % 3]!.db.transaction(async (tx) => {
                const r = await tx.execute(change);
                await tx.execute(sql`select pg_sleep(0.02)`);
                return r;
              }),
          };
          switch (i % 7) {
            case 0:
            case 1: // a booking for one of the three patients, on one of five days, at one of eight times
              return pool
                .execute(
                  sql`insert into appointments (service_id, location_id, practitioner_id, patient_id, during, blocked,
                    status, source, manage_token_hash, intake_token_hash)
                  select service_id, location_id, practitioner_id, ${pick(patients, i)}::uuid,
                    tstzrange(t, t + interval '45 minutes'), tstzrange(t, t + interval '45 minutes'), 'booked', 'online',
                    ${randomUUID()}, ${randomUUID()}
                  from appointments a,
                    lateral (select lower(a.during) - ${`${(i % 5) + 1} days`}::interval
                      + ${`${(i * 7) % 8} hours`}::interval as t) x
                  where a.id = ${pick(base, i)}::uuid returning id`,
                )
                .then((r) => {
                  const made = rowsOf<{ id: string }>(r).map((x) => x.id);
                  ids.push(...made);
                  booked.push(...made);
                });
            case 2: // a cancellation
              return pool.execute(sql`update appointments set status = 'cancelled', cancelled_at = starts_at - interval '5 hours'
                where id = ${theirs(i * 5)}::uuid and status <> 'cancelled'`);
            case 3: // a move, earlier or later by a day
              return pool.execute(sql`update appointments set ${shift(i % 4 === 1 ? "1 day" : "-1 day")}
                where id = ${theirs(i * 3)}::uuid`);
            case 4: // an intake submitted, some before the visit and some after
              return pool.execute(sql`insert into intake_responses (appointment_id, patient_id, version, status,
                  questionnaire_version, answers, submitted_at)
                select id, patient_id, ${10 + i}, 'completed', 'test', '{}'::jsonb,
                  starts_at + ${i % 4 === 0 ? "1 hour" : "-1 hour"}::interval
                from appointments where id = ${pick(ids, i * 7)}::uuid`);
            case 5: // a booking given to another of the three patients (as a merge of two records does)
              return pool.execute(sql`update appointments set patient_id = ${pick(patients, i + 1)}::uuid
                where id = ${theirs(i)}::uuid`);
            default: // a visit attended, or a cancellation undone
              return pool.execute(sql`update appointments set status = 'arrived', cancelled_at = null
                where id = ${pick(ids, i * 11)}::uuid`);
          }
        });
        const settled = await Promise.allSettled(ops);
        // Only the refusals a clinic's own changes meet: a time taken, a deadlock broken by Postgres.
        const codes = settled.flatMap((s) =>
          s.status === "rejected"
            ? [String((s.reason as { cause?: { code?: string } }).cause?.code ?? (s.reason as Error).message)]
            : [],
        );
        for (const code of codes) expect(["23P01", "40P01"]).toContain(code);
        expect(settled.filter((s) => s.status === "fulfilled").length).toBeGreaterThan(70);
        expect(await drift()).toEqual([]);
      } finally {
        await Promise.all(pools.map((p) => p.close()));
      }
    },
    60_000,
  );
});
