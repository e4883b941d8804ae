import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any fixed number: all app instances and `npm run db:migrate` take the same lock, so only one migrates at a time.
const MIGRATION_LOCK = 727_001;

export async function migrateEmbedded(db: Db): Promise<void> {
  await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
}

/** `db` must sit on a single connection (max: 1) so the advisory lock and the migration share it. */
export async function migrateServer(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
