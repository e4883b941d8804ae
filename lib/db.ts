import "server-only";
// The app's door to the database: app/ imports this, never db/ directly.
export { getDb } from "@/db/client";
export type { Db, Tx } from "@/db/client";
