import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { type DbHandle, postgresTarget, reconnectDelaySeconds, rowFromJson, rowsOf } from "./client";
import { locations } from "./schema";

describe("postgresTarget", () => {
  it("passes a TCP URL through untouched", () => {
    expect(postgresTarget("postgres://postgres@127.0.0.1:5432/clinic")).toEqual([
      "postgres://postgres@127.0.0.1:5432/clinic",
      {},
    ]);
  });

  it("turns libpq's ?host=/folder into that server's Unix socket, on the URL's port", () => {
    const [url, options] = postgresTarget(
      "postgres://postgres@localhost:5433/clinic?host=/var/run/postgresql/&sslmode=disable",
    );
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

describe(`rowFromJson (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await createTestDb();
  });
  afterEach(async () => handle.close());

  it("decodes a to_json row as drizzle's own select does", async () => {
    await handle.db.insert(locations).values({
      slug: "json-row",
      name: "Json Row",
      timezone: "Australia/Sydney",
      address: "1 Test St",
      phone: null,
      holidayRegion: "AU-NSW",
    });
    const [viaSelect] = await handle.db.select().from(locations).where(eq(locations.slug, "json-row"));
    const [viaJson] = rowsOf<{ row: Record<string, unknown> }>(
      await handle.db.execute(
        sql`select to_json(${locations}) as row from ${locations} where ${locations.slug} = 'json-row'`,
      ),
    );
    const decoded = rowFromJson(locations, viaJson!.row);
    expect(decoded).toEqual(viaSelect);
    expect(decoded.createdAt).toBeInstanceOf(Date);
  });
});
