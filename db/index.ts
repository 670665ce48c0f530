/**
 * The one database client of a process, cached on globalThis so that dev reloads
 * and route bundles share it. Opened lazily: `next build` never starts a database.
 */
import path from "node:path";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { databaseTarget } from "./config";
import { EMBEDDED_DATABASE, EMBEDDED_PORT, startEmbeddedPostgres, stopOnExit, type EmbeddedServer } from "./embedded";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Query functions take either the client or an open transaction. */
export type Executor = Db | Tx;

type State = {
  db: Db;
  sql: postgres.Sql;
  kind: "embedded" | "postgres";
  embedded: EmbeddedServer | null;
};

type DbLog = (message: string) => void;
const globalForDb = globalThis as unknown as { konzeptwerkDb?: Promise<State>; konzeptwerkDbLog?: DbLog };

/**
 * Where the embedded server's start-up messages go. The app's start-up passes
 * its logger (scripts/start.ts; under `next dev` they are not logged), so that db/ imports nothing
 * from lib/; kept on globalThis because Next bundles a second copy of this module.
 */
export function setDatabaseLog(fn: DbLog): void {
  globalForDb.konzeptwerkDbLog = fn;
}

/** The advisory lock key under which a process migrates (tests/integration/migrations.test.ts watches who waits for it). */
export const MIGRATION_LOCK = 7_140_001;

async function open(): Promise<State> {
  const target = databaseTarget();
  let embedded: EmbeddedServer | null = null;
  const options = { max: Number(process.env.DB_POOL_SIZE ?? 10), onnotice: () => {} };
  let connect: (o: postgres.Options<Record<string, postgres.PostgresType>>) => postgres.Sql;
  if (target.kind === "postgres") {
    connect = (o) => postgres(target.url, o);
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: target.dataDir, log: (m) => globalForDb.konzeptwerkDbLog?.(m) });
    stopOnExit(embedded);
    const socket = path.join(embedded.socketDir, `.s.PGSQL.${EMBEDDED_PORT}`);
    connect = (o) => postgres({ ...o, path: socket, database: EMBEDDED_DATABASE, username: "postgres" });
  }
  await migrateWithLock(connect({ max: 1, onnotice: () => {} }));
  const sql = connect(options);
  return { db: drizzle(sql, { schema }), sql, kind: target.kind, embedded };
}

/** Apply committed migrations on one connection; an advisory lock keeps two processes from migrating at once. */
async function migrateWithLock(sql: postgres.Sql) {
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql, { schema }), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function state(): Promise<State> {
  if (!globalForDb.konzeptwerkDb) {
    globalForDb.konzeptwerkDb = open().catch((error: unknown) => {
      globalForDb.konzeptwerkDb = undefined;
      throw error;
    });
  }
  return globalForDb.konzeptwerkDb;
}

export async function getDb(): Promise<Db> {
  return (await state()).db;
}

/**
 * How a second client library (pg, for the rate-limit counters) reaches the
 * same database: the external URL, or the embedded server's Unix socket.
 */
export async function pgConnectionConfig(): Promise<{ connectionString: string } | { host: string; port: number; database: string; user: string }> {
  const s = await state();
  if (s.embedded) return { host: s.embedded.socketDir, port: EMBEDDED_PORT, database: EMBEDDED_DATABASE, user: "postgres" };
  const target = databaseTarget();
  if (target.kind !== "postgres") throw new Error("Keine Datenbankadresse");
  return { connectionString: target.url };
}

export async function databaseKind(): Promise<"embedded" | "postgres"> {
  return (await state()).kind;
}

const closeBeforeDb: (() => Promise<void>)[] = [];
/** Other clients of the same database (the rate-limit pool) register here to be closed first. */
export function onCloseDb(close: () => Promise<void>) {
  closeBeforeDb.push(close);
}

/** Close the pool and stop an embedded server this process owns (tests, scripts). */
export async function closeDb() {
  const current = globalForDb.konzeptwerkDb;
  globalForDb.konzeptwerkDb = undefined;
  if (!current) return;
  const s = await current.catch(() => null);
  if (!s) return;
  await closeBeforeDb.reduce((p, close) => p.then(close).catch(() => {}), Promise.resolve());
  closeBeforeDb.length = 0;
  await s.sql.end({ timeout: 5 });
  await s.embedded?.stop();
}
