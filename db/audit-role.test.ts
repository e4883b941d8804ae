// Audit log integrity (finding 9): the app's role may only add to the audit log; nobody may empty it.
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { sqlState } from "@/lib/errors";
import { createTestDb } from "@/lib/testing/test-db";
import { type Db, type DbHandle, openPostgres, rowsOf } from "./client";

let handle: DbHandle & { url?: string };
let app: Db;
let owner: { db: Db; close(): Promise<void> };

beforeEach(async () => {
  handle = await createTestDb();
  if (handle.kind === "postgres") {
    // createTestDb connects as the app does (DATABASE_APP_ROLE); the owner is the login user
    app = handle.db;
    owner = openPostgres(handle.url!, 1);
  } else {
    // the embedded database has one connection: the role is switched on it for the app's part of each test
    app = handle.db;
    owner = { db: handle.db, close: async () => {} };
  }
});
afterEach(async () => {
  await owner.close();
  await handle.close();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Error,
  );
const asApp = async <T>(fn: () => Promise<T>): Promise<T> => {
  if (handle.kind === "postgres") return fn();
  await app.execute(sql.raw(`set role ${env.DATABASE_APP_ROLE}`));
  try {
    return await fn();
  } finally {
    await app.execute(sql`reset role`);
  }
};

describe(`audit log integrity (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("lets the app role add to and read the audit log, but not change, delete or empty it", async () => {
    expect(env.DATABASE_APP_ROLE).toBe("clinic_app");
    await asApp(async () => {
      expect(rowsOf<{ who: string }>(await app.execute(sql`select current_user as who`))[0]!.who).toBe("clinic_app");
      await recordAudit(app, { kind: "system" }, { action: "test.kept" });
      expect(rowsOf(await app.execute(sql`select * from audit_log where action = 'test.kept'`))).toHaveLength(1);
      for (const statement of [
        sql`update audit_log set action = 'test.changed'`,
        sql`delete from audit_log`,
        sql`truncate audit_log`,
      ]) {
        const e = await failure(app.execute(statement));
        expect(sqlState(e), String(e?.cause ?? e)).toBe("42501");
        expect(String((e as { cause?: Error })?.cause?.message ?? e?.message)).toMatch(/permission denied/);
      }
    });
    expect(rowsOf(await owner.db.execute(sql`select * from audit_log where action = 'test.kept'`))).toHaveLength(1);
  });

  it("refuses TRUNCATE of the audit log even to its owner", async () => {
    await recordAudit(owner.db, { kind: "system" }, { action: "test.kept" });
    const e = await failure(owner.db.execute(sql`truncate audit_log`));
    expect(String((e as { cause?: Error })?.cause?.message ?? e?.message)).toMatch(/append-only/);
    expect(rowsOf(await owner.db.execute(sql`select * from audit_log`))).toHaveLength(1);
  });
});
