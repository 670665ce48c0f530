/**
 * "Die Migrationen laufen beim Start (mit Sperre, auch bei mehreren Prozessen)":
 * several Node processes open the same fresh database at the same moment; every
 * one comes up without an error and each migration is recorded exactly once.
 * That they really overlap is checked, not hoped for: each child connects, waits
 * at a barrier (a "go" on stdin), and the test sees all of them waiting for the
 * migration lock at once before it lets the first one migrate.
 * The database is a fresh one on the external server at DATABASE_URL when set,
 * else on an embedded server started for this test (reached over its socket).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MIGRATION_LOCK } from "@/db";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";

const root = path.resolve(import.meta.dirname, "../..");
const PROCESSES = 3;
const database = `kw_migrate_${randomBytes(4).toString("hex")}`;

let embedded: EmbeddedServer | null = null;
let dataDir: string | null = null;
/** An admin connection to the server (not to the fresh database), and the env that points a child at the fresh database. */
let admin: postgres.Sql;
let childEnv: Record<string, string>;
let connectFresh: () => postgres.Sql;

beforeAll(async () => {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    admin = postgres(external, { max: 1, onnotice: () => {} });
    const url = new URL(external);
    url.pathname = `/${database}`;
    childEnv = { DATABASE_URL: url.toString() };
    connectFresh = () => postgres(url.toString(), { max: 1, onnotice: () => {} });
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-migrate-"));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir });
    const socket = path.join(embedded.socketDir, ".s.PGSQL.5432");
    admin = postgres({ path: socket, database: "postgres", username: "postgres", max: 1, onnotice: () => {} });
    connectFresh = () => postgres({ path: socket, database, username: "postgres", max: 1, onnotice: () => {} });
    // postgres.js takes a socket directory from PGHOST when the URL names no host.
    childEnv = { DATABASE_URL: `postgres:///${database}`, PGHOST: embedded.socketDir, PGUSER: "postgres" };
  }
  await admin.unsafe(`create database ${database}`);
}, 120_000);

afterAll(async () => {
  await admin?.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
  await admin?.end({ timeout: 5 });
  await embedded?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

type Child = { ready: Promise<void>; go: () => void; exit: Promise<{ code: number | null; stdout: string; stderr: string }> };

/** A child that opens the fresh database like the app; it connects, says "ready" and migrates only after go(). */
function openInChild(): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/open-db-child.ts"], {
    cwd: root,
    env: { ...process.env, ...childEnv, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", DATA_DIR: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('"event":"ready"')) markReady();
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  // A child that dies before it is ready must not leave the barrier waiting forever.
  const readyOrDead = Promise.race([ready, exit.then((r) => Promise.reject(new Error(`child exited (${r.code}) before ready: ${r.stderr}`)))]);
  return { ready: readyOrDead, go: () => child.stdin.end("go\n"), exit };
}

/** How many sessions on the fresh database wait right now for the migration lock (an advisory lock not yet granted). */
async function waitingForMigrationLock(db: postgres.Sql) {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from pg_locks
    where locktype = 'advisory' and not granted and objid = ${MIGRATION_LOCK % 2 ** 32} and classid = ${Math.floor(MIGRATION_LOCK / 2 ** 32)}
      and database = (select oid from pg_database where datname = current_database())`;
  return row!.n;
}

it("lets several processes start on one fresh database at once: they contend for the lock, all come up, each migration is applied once", async () => {
  // Barrier: every child has started (slow on a busy machine) and reached the database before any of them migrates.
  const children = Array.from({ length: PROCESSES }, () => openInChild());
  await Promise.all(children.map((c) => c.ready));

  // The test holds the migration lock while the children are let go, and lets it go only when every one of them
  // waits for it: so all of them really try to migrate at the same time, however slowly each one is scheduled.
  const holder = connectFresh();
  let waiting = 0;
  try {
    await holder`select pg_advisory_lock(${MIGRATION_LOCK})`;
    for (const c of children) c.go();
    const deadline = Date.now() + 60_000;
    while ((waiting = await waitingForMigrationLock(holder)) < PROCESSES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await holder`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await holder.end({ timeout: 5 });
  }
  const results = await Promise.all(children.map((c) => c.exit));
  expect(waiting, "processes waiting for the migration lock at the same time").toBe(PROCESSES);

  type Done = { event: "done"; pid: number; kind: string; connectedAt: number; goAt: number; migratedAt: number };
  const done: Done[] = [];
  for (const r of results) {
    expect(r.stderr, "stderr of a starting process").toBe("");
    expect(r.code).toBe(0);
    const last = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Done;
    expect(last).toMatchObject({ event: "done", pid: expect.any(Number), kind: "postgres" });
    done.push(last);
  }
  // They overlapped: every process was connected and had been let go before the first one finished migrating.
  const firstFinished = Math.min(...done.map((d) => d.migratedAt));
  for (const d of done) {
    expect(d.connectedAt).toBeLessThan(firstFinished);
    expect(d.goAt).toBeLessThan(firstFinished);
  }
  expect(new Set(done.map((d) => d.pid)).size).toBe(PROCESSES);

  const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const db = connectFresh();
  try {
    const applied = await db<{ hash: string; n: number }[]>`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`;
    expect(applied).toHaveLength(journal.entries.length);
    expect(applied.filter((r) => r.n !== 1)).toEqual([]);
    // The schema is there: the tables of the first and of the last migration.
    const tables = (await db<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public'`).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["concepts", "municipalities", "audit_log", "review_rounds"]));
  } finally {
    await db.end({ timeout: 5 });
  }
}, 120_000);
