// Prints the row count of every table in the embedded database in DATA_DIR (for drill-backup.ts), one per line.
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPglite, rowsOf } from "@/db/client";
import { env } from "@/lib/env";

const handle = await openPglite(path.join(env.DATA_DIR, "pglite"));
const tables = rowsOf<{ s: string; t: string }>(
  await handle.db.execute(
    sql`select schemaname as s, tablename as t from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  ),
);
for (const { s, t } of tables) {
  const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql.raw(`select count(*)::int as n from "${s}"."${t}"`)));
  console.log(`${s}.${t} ${row!.n}`);
}
await handle.close();
