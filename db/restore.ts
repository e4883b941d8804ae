// `npm run restore -- --from BACKUP [--to POSTGRES_URL] [--force]`: puts a backup from `npm run backup` back.
// Postgres (a .dump file): pg_restore into --to, else DATABASE_URL, in one transaction; a database that already holds
// tables is refused unless --force, which first drops everything in it (every schema but the system ones). Embedded (a folder):
// copied to DATA_DIR with the app stopped; an existing database there is refused unless --force, which keeps it
// aside as DATA_DIR.before-restore-<time>.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { connectPostgres } from "./client";

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function tablesIn(url: string): Promise<number> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] =
      await sql`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    return row!.n as number;
  } finally {
    await sql.end();
  }
}

/** Drops every schema but the system ones (the app's, pg-boss's, drizzle's) and gives back an empty `public`. */
async function emptyDatabase(url: string): Promise<void> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      const schemas =
        await tx`select nspname from pg_namespace where left(nspname, 3) <> 'pg_' and nspname <> 'information_schema'`;
      for (const { nspname } of schemas) await tx.unsafe(`drop schema "${nspname}" cascade`);
      await tx.unsafe("create schema public");
    });
  } finally {
    await sql.end();
  }
}

async function main() {
  const from = argument("--from");
  if (!from || !existsSync(from)) throw new Error("Name the backup: npm run restore -- --from PATH");
  const force = process.argv.includes("--force");

  if (statSync(from).isFile()) {
    const to = argument("--to") ?? env.DATABASE_URL;
    if (!to) throw new Error("A .dump file restores into Postgres: set DATABASE_URL or pass --to postgres://...");
    const tables = await tablesIn(to);
    if (tables > 0 && !force)
      throw new Error(
        `The target database already has ${tables} tables. Restore into an empty database, or pass --force to replace what the backup holds.`,
      );
    // pg_restore --clean cannot drop pg-boss's partitioned tables, so --force empties the database itself first
    if (tables > 0) await emptyDatabase(to);
    // --no-owner: the restoring role owns what it creates, whatever role made the backup
    const args = ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname", to, from];
    execFileSync("pg_restore", args, { stdio: "inherit" });
    console.log(
      `Restored ${from} (${tables > 0 ? "replacing what was there" : "into an empty database"}). Run npm run db:migrate if the app is newer than the backup.`,
    );
    return;
  }

  const dataDir = path.resolve(env.DATA_DIR);
  if (!existsSync(path.join(from, "pglite", "PG_VERSION")))
    throw new Error(`${from} is not a copy of a DATA_DIR (no pglite database in it).`);
  if (existsSync(path.join(dataDir, "pglite", "postmaster.pid")))
    throw new Error("The embedded database is open: stop the app first.");
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!force)
      throw new Error(`${dataDir} is not empty. Pass --force to keep it aside and restore the backup in its place.`);
    const aside = `${dataDir}.before-restore-${Date.now()}`;
    renameSync(dataDir, aside);
    console.log(`Kept the current ${dataDir} as ${aside}.`);
  }
  cpSync(from, dataDir, { recursive: true });
  console.log(`Restored ${from} to ${dataDir}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
