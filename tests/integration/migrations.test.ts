/**
 * "Die Migrationen laufen beim Start (mit Sperre, auch bei mehreren Prozessen)":
 * several Node processes open the same fresh database at the same moment; every
 * one comes up without an error and each migration is recorded exactly once.
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

function openInChild(startAt: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/open-db-child.ts"], {
      cwd: root,
      env: { ...process.env, ...childEnv, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", START_AT: String(startAt), DATA_DIR: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

it("lets several processes start on one fresh database at once: all come up, each migration is applied once", async () => {
  // All children wait for the same moment, after their (slow) start-up, then migrate together.
  const startAt = Date.now() + 6_000;
  const results = await Promise.all(Array.from({ length: PROCESSES }, () => openInChild(startAt)));
  for (const r of results) {
    expect(r.stderr, "stderr of a starting process").toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split("\n").at(-1)!)).toMatchObject({ pid: expect.any(Number), kind: "postgres" });
  }

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
