// Each integration test gets its own fresh, migrated database: a clone of a migrated PGlite by default,
// or a new Postgres database made from a migrated template when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle } from "drizzle-orm/pglite";
import { connectPostgres, openPostgres, type Db, type DbHandle } from "@/db/client";
import { migrateEmbedded } from "@/db/migrate-runner";
import { env } from "@/lib/env";
import * as schema from "@/db/schema";

export const TEMPLATE_SUFFIX = "_tpl";
let template: Promise<PGlite> | undefined;

async function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = await PGlite.create({ extensions: { btree_gist } });
    await migrateEmbedded(drizzle({ client, schema }) as unknown as Db);
    return client;
  })();
  return template;
}

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDb(): Promise<DbHandle & { url?: string }> {
  const url = serverUrl();
  if (!url) {
    const client = (await (await pgliteTemplate()).clone()) as PGlite;
    const db = drizzle({ client, schema }) as unknown as Db;
    return { db, kind: "pglite", close: () => client.close() };
  }
  const base = new URL(url).pathname.slice(1);
  const name = `${base}_t_${randomBytes(5).toString("hex")}`;
  const admin = connectPostgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${base}${TEMPLATE_SUFFIX}"`);
  await admin.end();
  const testUrl = withDatabase(url, name);
  // tests work as the app does: as the app role, which may only add to the audit log
  const handle = openPostgres(testUrl, 20, { appRole: env.DATABASE_APP_ROLE });
  return {
    ...handle,
    url: testUrl,
    close: async () => {
      await handle.close();
      const drop = connectPostgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists "${name}" with (force)`);
      await drop.end();
    },
  };
}
