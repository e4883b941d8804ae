// With DATABASE_URL, builds one migrated template database that every test copies.
import { connectPostgres, openPostgres } from "@/db/client";
import { migrateServer } from "@/db/migrate-runner";
import { TEMPLATE_SUFFIX, withDatabase } from "./test-db";

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const name = `${new URL(url).pathname.slice(1)}${TEMPLATE_SUFFIX}`;
  const admin = connectPostgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const handle = openPostgres(withDatabase(url, name), 1);
  await migrateServer(handle.db);
  await handle.close();
}
