// `npm run db:seed`: loads the demo clinic into DATABASE_URL (or the embedded database). Safe to run twice.
import path from "node:path";
import { env } from "@/lib/env";
import { openPglite, openPostgres } from "../client";
import { migrateEmbedded } from "../migrate-runner";
import { seedDemo } from "./demo";

async function main() {
  const handle = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, 1)
    : await openPglite(path.join(env.DATA_DIR, "pglite"));
  if (handle.kind === "pglite") await migrateEmbedded(handle.db);
  await seedDemo(handle.db, { password: env.DEMO_PASSWORD });
  await handle.close();
  console.log("Demo clinic loaded. Staff sign in with e.g. reception@demo.clinic and DEMO_PASSWORD.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
