import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { getTableColumns, sql, type Table } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { ensurePrivateDirSync } from "@/lib/private-files";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type over both drivers: code never needs to know which database it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

export async function openPglite(dataDir: string | undefined): Promise<DbHandle> {
  if (dataDir) {
    // 0700, and DATA_DIR around it too: the database files inside are out of other users' reach whatever their mode
    if (path.resolve(dataDir).startsWith(path.resolve(env.DATA_DIR) + path.sep)) ensurePrivateDirSync(env.DATA_DIR);
    ensurePrivateDirSync(dataDir);
  }
  const client = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined, { extensions: { btree_gist } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

export interface PostgresOptions {
  /**
   * The role to work as on every connection (a startup parameter, so a reconnect keeps it), e.g. env.DATABASE_APP_ROLE:
   * the app's own connections may only add to the audit log. Migrations, seeding and admin commands pass none and
   * work as the login user, the owner.
   */
  appRole?: string;
}

export function openPostgres(url: string, max = env.DATABASE_POOL_SIZE, { appRole }: PostgresOptions = {}): DbHandle {
  const client = connectPostgres(url, {
    max,
    onnotice: () => {},
    connection: { TimeZone: "UTC", ...(appRole ? { role: appRole } : {}) },
    backoff: reconnectDelaySeconds,
  });
  const db = drizzlePostgres({ client: env.DATABASE_PREPARE ? preparing(client) : client, schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * How long a pooled connection waits before trying the server again, after `failures` failed attempts counted across
 * the whole pool (postgres.js counts them so, and starts again from 0 on a success). Its default grows to 10-20 s
 * after about eight failures, which a pool of ten reaches within a second of Postgres going away: a 6-second restart
 * then kept the app from the database for up to 20 s more (`npm run drill:faults`). At most a second here: one
 * attempt a second per pooled connection costs a server that is down nothing.
 */
export function reconnectDelaySeconds(failures: number): number {
  return Math.min(1, 0.05 * 2 ** failures) * (0.5 + Math.random() / 2);
}

/**
 * A connection URL as postgres.js takes it. Like libpq, `?host=/var/run/postgresql` (a folder) means that server's
 * Unix socket, which costs each statement fewer kernel cycles than TCP on the same machine.
 */
export function postgresTarget(url: string): [string, { path?: string }] {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get("host");
  if (!socketDir?.startsWith("/")) return [url, {}];
  parsed.searchParams.delete("host");
  return [parsed.toString(), { path: `${socketDir.replace(/\/$/, "")}/.s.PGSQL.${parsed.port || 5432}` }];
}

/** A postgres.js client for `url`, which may name a Unix socket folder as libpq does (see postgresTarget). */
export function connectPostgres(
  url: string,
  options: postgres.Options<Record<string, postgres.PostgresType>> = {},
): Sql {
  const [target, socket] = postgresTarget(url);
  return postgres(target, { ...socket, ...options });
}

/**
 * Runs statements that were started together (postgres.js pipelines them on the transaction's connection) and
 * waits for every one of them to settle before it returns or throws, so nothing is left running once a
 * transaction ends. The first failure in argument order is the one thrown.
 */
export async function pipeline<T extends readonly unknown[]>(...work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * For the rest of the transaction, each prepared statement keeps one plan per connection instead of being planned
 * again for its parameters. The booking's slot-context statement costs Postgres more to plan (about 2.5 ms) than
 * to run (under 1 ms), and its plan does not depend on the values. Started at once, so it can lead a pipeline.
 */
export function planOncePerConnection(tx: Tx): Promise<void> {
  return tx.execute(sql`set local plan_cache_mode = force_generic_plan`).then(() => undefined);
}

type Sql = ReturnType<typeof postgres>;

/**
 * drizzle sends every query unprepared, and postgres.js then needs two round trips for each one with parameters
 * (describe, then execute) while the server parses and plans it again. This view of the client prepares every
 * statement once per connection instead, inside transactions and savepoints too. Outside a transaction postgres.js
 * re-prepares by itself when a migration changes a table under a statement; inside one it cannot, so restart the app
 * processes after a migration that changes column types (the README says so). Behind a transaction-mode pooler, set
 * DATABASE_PREPARE=false.
 */
function preparing(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === "unsafe")
        return (query: string, args?: unknown[], options?: object) =>
          target.unsafe(query, args as never, { ...options, prepare: true });
      if (key === "begin" || key === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: Sql) => unknown;
          return (Reflect.get(target, key, receiver) as (...a: unknown[]) => unknown)(...args, (inner: Sql) =>
            body(preparing(inner)),
          );
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A table's row from `to_json(row)` in a raw statement: keys are column names, each value decoded by its column. */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value == null ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}
