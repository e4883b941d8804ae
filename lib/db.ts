import "server-only";
import path from "node:path";
import { type Db, type DbHandle, openPglite, openPostgres } from "@/db/client";
import { migrateEmbedded } from "@/db/migrate-runner";
import { env } from "@/lib/env";

// The app's door to the database, and its composition root: app/ and the server's start-up import this, never
// db/ directly. It is the one production module that may load demo data (db/client.ts knows nothing of it).
export type { Db, DbHandle, Tx } from "@/db/client";

type Global = typeof globalThis & { __clinicDb?: Promise<DbHandle> };

async function openDefault(): Promise<DbHandle> {
  if (env.DATABASE_URL)
    return openPostgres(env.DATABASE_URL, env.DATABASE_POOL_SIZE, { appRole: env.DATABASE_APP_ROLE });
  // The embedded database migrates itself, and fills an empty one with the demo clinic (unless DEMO_DATA=false).
  const handle = await openPglite(path.join(env.DATA_DIR, "pglite"));
  await migrateEmbedded(handle.db);
  if (env.DEMO_DATA) {
    const { seedDemoIfEmpty } = await import("@/db/seed/demo");
    await seedDemoIfEmpty(handle.db, { password: env.DEMO_PASSWORD });
  }
  return handle;
}

/** The process-wide database, opened on first use (never during `next build`). */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as Global;
  g.__clinicDb ??= openDefault().catch((error: unknown) => {
    g.__clinicDb = undefined;
    throw error;
  });
  return g.__clinicDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
