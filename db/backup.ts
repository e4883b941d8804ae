// `npm run backup -- [--out PATH]`: a backup of the clinic's database.
// Postgres (DATABASE_URL set): `pg_dump -Fc` of the whole database into one file, taken while the app runs (pg_dump
// reads one consistent snapshot). Embedded (DATABASE_URL unset): a copy of the DATA_DIR folder, which holds the
// database and the keys that open queued emails' links; PGlite has one owner, so the app must be stopped first.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main() {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  if (env.DATABASE_URL) {
    const out = argument("--out") ?? path.join("backups", `clinic-${stamp}.dump`);
    mkdirSync(path.dirname(out), { recursive: true });
    // custom format: compressed, and pg_restore can pick, reorder and run it in one transaction
    execFileSync("pg_dump", ["--format=custom", "--file", out, "--dbname", env.DATABASE_URL], { stdio: "inherit" });
    console.log(
      `Backed up to ${out} (${(statSync(out).size / 2 ** 20).toFixed(1)} MiB). Restore with: npm run restore -- --from ${out}`,
    );
    return;
  }
  const dataDir = path.resolve(env.DATA_DIR);
  if (!existsSync(path.join(dataDir, "pglite"))) throw new Error(`There is no embedded database in ${dataDir}.`);
  // PGlite writes postmaster.pid while a process has the database open and removes it on a clean close
  if (existsSync(path.join(dataDir, "pglite", "postmaster.pid")) && !process.argv.includes("--force")) {
    throw new Error(
      "The embedded database is open (or was not closed cleanly): stop the app first. After a crash, --force copies it as it is.",
    );
  }
  const out = path.resolve(argument("--out") ?? path.join("backups", `clinic-data-${stamp}`));
  if (existsSync(out)) throw new Error(`${out} already exists.`);
  cpSync(dataDir, out, { recursive: true, errorOnExist: true });
  console.log(`Copied ${dataDir} to ${out}. Restore with: npm run restore -- --from ${out}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
