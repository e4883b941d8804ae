import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { compiledInsertMany, compiledStatement, type DbHandle, postgresTarget, reconnectDelaySeconds, rowFromJson, rowsOf } from "./client";
import { auditLog, locations } from "./schema";

describe("postgresTarget", () => {
  it("passes a TCP URL through untouched", () => {
    expect(postgresTarget("postgres://postgres@127.0.0.1:5432/clinic")).toEqual(["postgres://postgres@127.0.0.1:5432/clinic", {}]);
  });

  it("turns libpq's ?host=/folder into that server's Unix socket, on the URL's port", () => {
    const [url, options] = postgresTarget("postgres://postgres@localhost:5433/clinic?host=/var/run/postgresql/&sslmode=disable");
    expect(options).toEqual({ path: "/var/run/postgresql/.s.PGSQL.5433" });
    expect(url).toBe("postgres://postgres@localhost:5433/clinic?sslmode=disable");
  });

  it("uses port 5432 when the URL names none", () => {
    expect(postgresTarget("postgres://postgres@localhost/clinic?host=/tmp")[1]).toEqual({ path: "/tmp/.s.PGSQL.5432" });
  });

  it("leaves a host name in the query alone", () => {
    expect(postgresTarget("postgres://postgres@localhost/clinic?host=db.internal")[1]).toEqual({});
  });
});

describe("reconnectDelaySeconds", () => {
  // postgres.js counts failed connection attempts across the whole pool; its own default waits 10-20 s after eight
  it("waits at most a second before trying the server again, however many attempts failed while it was down", () => {
    for (const failures of [0, 1, 4, 8, 12, 50, 1000]) {
      for (let i = 0; i < 20; i++) expect(reconnectDelaySeconds(failures)).toBeLessThanOrEqual(1);
    }
  });
  it("starts fast and backs off: a blip is retried at once, a long outage about once a second", () => {
    expect(reconnectDelaySeconds(1)).toBeLessThanOrEqual(0.1);
    expect(reconnectDelaySeconds(20)).toBeGreaterThanOrEqual(0.5);
  });
});

describe(`compiledStatement, compiledInsertMany and rowFromJson (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await createTestDb();
  });
  afterEach(async () => handle.close());

  const insertAudit = compiledStatement<{ action: string; detail: unknown; at: unknown }>((db) =>
    db.insert(auditLog).values({ actorKind: "system", action: sql.placeholder("action"), detail: sql.placeholder("detail"), at: sql.placeholder("at") }).returning({ id: auditLog.id }));

  it("binds each call's values through the columns' encoders, and keeps null as SQL NULL", async () => {
    const at = new Date("2026-04-05T01:30:00Z");
    await insertAudit.run(handle.db, { action: "test.one", detail: { a: 1 }, at });
    await insertAudit.run(handle.db, { action: "test.two", detail: null, at });
    const rows = rowsOf<{ action: string; detail_is_null: boolean; json_null: boolean; at: string }>(await handle.db.execute(sql`
      select action, detail is null as detail_is_null, detail = 'null'::jsonb as json_null, to_json(at)::text as at from audit_log where action like 'test.%' order by action`));
    expect(rows.map((r) => [r.action, r.detail_is_null, r.json_null ?? false])).toEqual([["test.one", false, false], ["test.two", true, false]]);
    expect(new Date(JSON.parse(rows[0]!.at) as string).getTime()).toBe(at.getTime());
    const [one] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "test.one"));
    expect(one!.detail).toEqual({ a: 1 });
  });

  it("refuses a call that leaves a placeholder without a value", async () => {
    expect(() => insertAudit.query({ action: "test.three", detail: null } as never)).toThrow(/no value for "at"/);
  });

  it("decodes a to_json row as drizzle's own select does", async () => {
    await handle.db.insert(locations).values({ slug: "json-row", name: "Json Row", timezone: "Australia/Sydney", address: "1 Test St", phone: null, holidayRegion: "AU-NSW" });
    const [viaSelect] = await handle.db.select().from(locations).where(eq(locations.slug, "json-row"));
    const [viaJson] = rowsOf<{ row: Record<string, unknown> }>(await handle.db.execute(sql`select to_json(${locations}) as row from ${locations} where ${locations.slug} = 'json-row'`));
    const decoded = rowFromJson(locations, viaJson!.row);
    expect(decoded).toEqual(viaSelect);
    expect(decoded.createdAt).toBeInstanceOf(Date);
  });

  it("inserts many rows in one statement with what drizzle's own insert writes: jsonb objects, nulls, times", async () => {
    const insertMany = compiledInsertMany(auditLog, ["actorKind", "action", "detail", "at", "entityId"]);
    const at = new Date("2026-10-04T15:59:59.123Z");
    const rows = [
      { actorKind: "system", action: "test.many.1", detail: { a: [1, "two"], b: null }, at, entityId: "x" },
      { actorKind: "system", action: "test.many.2", detail: null, at, entityId: null },
      { actorKind: "system", action: "test.many.3", detail: "just text", at, entityId: "it's \"quoted\"" },
    ];
    await insertMany.run(handle.db, rows);
    await handle.db.insert(auditLog).values(rows.map((r) => ({ ...r, action: r.action.replace("many", "drizzle") })));
    const read = await handle.db.select().from(auditLog).where(sql`${auditLog.action} like 'test.%'`).orderBy(auditLog.action);
    const strip = ({ id: _id, action, ...rest }: (typeof read)[number]) => ({ ...rest, action: action.replace(/many|drizzle/, "") });
    expect(read.filter((r) => r.action.includes("many")).map(strip)).toEqual(read.filter((r) => r.action.includes("drizzle")).map(strip));
    expect(read.find((r) => r.action === "test.many.1")).toMatchObject({ detail: { a: [1, "two"], b: null }, at, entityId: "x" });
    const nulls = rowsOf<{ is_null: boolean }>(await handle.db.execute(sql`select detail is null as is_null from audit_log where action = 'test.many.2'`));
    expect(nulls[0]!.is_null).toBe(true);
  });
});
