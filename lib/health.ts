import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

/** True when a trivial query answers within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  try {
    const db = await getDb();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000));
    await Promise.race([db.execute(sql`select 1`), timeout]);
    return true;
  } catch {
    return false;
  }
}
