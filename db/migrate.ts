// `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). Safe to run twice.
import { env } from "@/lib/env";
import { openPglite, openPostgres } from "./client";
import { migrateEmbedded, migrateServer } from "./migrate-runner";
import path from "node:path";

async function main() {
  if (env.DATABASE_URL) {
    const handle = openPostgres(env.DATABASE_URL, 1);
    await migrateServer(handle.db);
    await handle.close();
  } else {
    const handle = await openPglite(path.join(env.DATA_DIR, "pglite"));
    await migrateEmbedded(handle.db);
    await handle.close();
  }
  console.log("Migrations applied.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
