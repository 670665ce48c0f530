/**
 * "Sicherung und Wiederherstellung" (issue 16) on a real PostgreSQL: the demo seed
 * plus a concept with versions, comments and measures is backed up WHILE saves
 * run, restored by `npm run restore` into an empty target, and compared: every
 * table's rows as of the backup's snapshot (read beside the backup through its
 * exported snapshot), every concept's JSON export, versions and comments, and the
 * session secret. Then the refusals, each with its message and nothing changed.
 *
 * Embedded by default (the target is a second, empty data directory); with
 * DATABASE_URL the source is that database and the target a fresh database on
 * the same server.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, pgConnectionConfig } from "@/db";
import { EMBEDDED_PORT } from "@/db/embedded";
import { seedIfEmpty } from "@/lib/demo/seed";
import type { Actor } from "@/lib/authz/require-role";
import { appTables, isMigrationsTable, qualified } from "@/lib/backup/catalog";
import { BackupError, type BackupRefusal } from "@/lib/backup/errors";
import { readArchive } from "@/lib/backup/archive";
import { checkTarget, loadDatabase } from "@/lib/backup/load";
import { migrateTo } from "@/lib/backup/schema-version";
import { restoreBackup, writeBackup } from "@/lib/backup/run";
import { exportConcept } from "@/lib/concepts/exchange";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { replyToThread, listThreads } from "@/lib/review/comments";
import { listVersions } from "@/lib/versions/read";
import { createVersion } from "@/lib/versions/service";
import { populatedTown, type Ids, type Town } from "../support/scenario";

const root = path.resolve(import.meta.dirname, "../..");
const external = process.env.DATABASE_URL?.trim() || null;
const tag = randomBytes(4).toString("hex");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kw-backup-test-"));
fs.chmodSync(work, 0o755);
/** Next's types demand NODE_ENV in every env object; these are partial settings like `npm start` would get. */
const asEnv = (env: Record<string, string | undefined>) => env as NodeJS.ProcessEnv;
const savedEnv = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

/** Where the source keeps its secret: the test's own data directory (embedded) or one made for it. */
const sourceDataDir = external ? path.join(work, "source-data") : process.env.DATA_DIR!;
const targetDataDir = path.join(work, "target-data");
const createdDatabases: string[] = [];
const backupFile = path.join(work, "sicherung.tar.gz");

let source: postgres.Sql;
let town: Town;
let ids: Ids;
let secret: string;

type Fingerprint = Record<string, { rows: number; md5: string }>;
/** Per table: row count and an md5 over all rows in a fixed order (the migrations table included). */
async function fingerprints(sql: postgres.Sql | postgres.TransactionSql): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const t of await appTables(sql)) {
    const [row] = await sql.unsafe<{ rows: number; md5: string }[]>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as md5 from ${qualified(t)} t`,
    );
    out[`${t.schema}.${t.name}`] = row!;
  }
  return out;
}

/** A client of the database the app's pool is on (the test's embedded server or DATABASE_URL). */
async function rawClient(database?: string, max = 2) {
  const c = await pgConnectionConfig();
  if ("connectionString" in c) {
    const url = new URL(c.connectionString);
    if (database) url.pathname = `/${database}`;
    return postgres(url.toString(), { max, onnotice: () => {} });
  }
  return postgres({ path: path.join(c.host, `.s.PGSQL.${c.port}`), database: database ?? c.database, username: c.user, max, onnotice: () => {} });
}

function urlOf(database: string) {
  const url = new URL(external!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh empty database on the external server (external mode only). */
async function newDatabase(name: string) {
  await source.unsafe(`create database ${name}`);
  createdDatabases.push(name);
  return urlOf(name);
}

/** The settings `npm start` would get for a target: an empty data directory, plus an empty database when external. */
async function emptyTarget(name: string): Promise<{ env: NodeJS.ProcessEnv; dir: string; url: string | null }> {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { mode: 0o755 });
  if (!external) return { env: asEnv({ DATA_DIR: dir }), dir, url: null };
  const url = await newDatabase(`kw_${name.replaceAll("-", "_")}_${tag}`);
  return { env: asEnv({ DATA_DIR: dir, DATABASE_URL: url }), dir, url };
}

/** Nothing was created: the directory is still empty and the external database still has no tables. */
async function expectUntouched(target: { dir: string; url: string | null }) {
  expect(fs.readdirSync(target.dir)).toEqual([]);
  if (target.url) {
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    const [row] = await sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'drizzle') and c.relkind = 'r'`;
    await sql.end();
    expect(row!.n).toBe(0);
  }
}

function runScript(script: "backup" | "restore", file: string, env: NodeJS.ProcessEnv) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, file], {
    cwd: root,
    env: { ...base, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: BackupRefusal; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return { code: (error as BackupError).code, message: (error as BackupError).message };
}

type ConceptView = { export: unknown; versions: unknown; threads: unknown };
/**
 * Every concept as a member of its municipality sees it: export (without its time stamp), versions, comment threads.
 * A concept marked for deletion is seen by nobody (its rows are in the table fingerprints all the same).
 */
async function conceptViews(): Promise<Map<string, ConceptView>> {
  const sql = await rawClient();
  const rows = await sql<{ id: string; user_id: string }[]>`
    select c.id, (select m.user_id from memberships m where m.municipality_id = c.municipality_id order by m.user_id limit 1) as user_id
    from concepts c where c.delete_after is null order by c.id`;
  await sql.end();
  const views = new Map<string, ConceptView>();
  const view = async (row: (typeof rows)[number]) => {
    const actor: Actor = { id: row.user_id, email: "", name: "", sessionId: randomUUID() };
    const { exportedAt: _at, ...exported } = await exportConcept(actor, row.id);
    const { threads } = await listThreads(actor, row.id);
    return { export: exported, versions: await listVersions(actor, row.id), threads };
  };
  // In the full suite the database holds every test file's concepts: a few at a time, not one by one.
  for (let i = 0; i < rows.length; i += 6) {
    const chunk = rows.slice(i, i + 6);
    const done = await Promise.all(chunk.map(view));
    chunk.forEach((row, j) => views.set(row.id, done[j]!));
  }
  return views;
}

/** As of the backup's snapshot: every table, and what the concurrent writer had written by then. */
let atSnapshot: { tables: Fingerprint; versionNumbers: number[]; commentIds: string[]; mandate: unknown };
let sourceViews: Map<string, ConceptView>;
let writesAfterSnapshot = 0;

beforeAll(async () => {
  fs.mkdirSync(sourceDataDir, { recursive: true });
  await seedIfEmpty(await getDb());
  ({ town, ids } = await populatedTown("Sicherungsstadt"));
  await replyToThread(town.reviewer, { conceptId: ids.conceptId, threadId: ids.threadId, body: "Ist ergänzt: Beschluss vom 12. März." });
  source = await rawClient();
  const secretFile = path.join(sourceDataDir, "auth-secret");
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  secret = fs.readFileSync(secretFile, "utf8");
}, 120_000);

afterAll(async () => {
  await closeDb();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (external) {
    const admin = postgres(external, { max: 1, onnotice: () => {} });
    for (const name of createdDatabases) await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
  await source?.end({ timeout: 5 }).catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("backup and restore", () => {
  it("backs up one consistent state while saves go on", async () => {
    let stop = false;
    let writes = 0;
    let failure: unknown = null;
    let revision = ids.sectionRevision;
    const writer = (async () => {
      while (!stop) {
        const saved = await saveSectionText(town.editor, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: revision, content: doc(p(`Stand ${writes + 1}`)) });
        if (saved.status !== "saved") throw new Error("save refused");
        revision = saved.revision;
        writes += 1;
        if (writes % 2 === 0) await replyToThread(town.admin, { conceptId: ids.conceptId, threadId: ids.threadId, body: `Antwort ${writes}` });
        if (writes % 3 === 0) await createVersion(town.editor, { conceptId: ids.conceptId, label: `Stand ${writes}` });
      }
    })().catch((error: unknown) => {
      failure = error;
    });
    const until = async (check: () => boolean) => {
      while (!check()) {
        if (failure) throw failure;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until(() => writes >= 3);

    const reader = await rawClient();
    const result = await writeBackup(source, {
      file: backupFile,
      secretFile: path.join(sourceDataDir, "auth-secret"),
      kind: external ? "postgres" : "embedded",
      // Read the backup's own snapshot beside it, then let the writer go on before the tables are copied.
      async onSnapshot(snapshotId) {
        await reader.begin("isolation level repeatable read read only", async (tx) => {
          await tx.unsafe(`set transaction snapshot '${snapshotId}'`);
          const versions = await tx<{ number: number }[]>`select number from concept_versions where concept_id = ${ids.conceptId} order by number`;
          const comments = await tx<{ id: string }[]>`select c.id from comments c join comment_threads t on t.id = c.thread_id where t.concept_id = ${ids.conceptId} order by c.id`;
          const [mandate] = await tx<{ content: unknown }[]>`select content from sections where id = ${ids.sectionId}`;
          atSnapshot = { tables: await fingerprints(tx), versionNumbers: versions.map((v) => v.number), commentIds: comments.map((c) => c.id), mandate: mandate!.content };
        });
        const at = writes;
        await until(() => writes >= at + 4);
        writesAfterSnapshot = writes - at;
      },
    });
    stop = true;
    await writer;
    await reader.end();
    sourceViews = await conceptViews();

    expect(writesAfterSnapshot).toBeGreaterThanOrEqual(4);
    expect(result.secret).toBe(true);
    expect(result.tables).toBe(Object.keys(atSnapshot.tables).length);
    // Rows counted while copying are the rows of the snapshot, table by table.
    for (const t of result.manifest.tables) expect(t.rows, t.name).toBe(atSnapshot.tables[`${t.schema}.${t.name}`]!.rows);
    expect(result.rows).toBeGreaterThan(100);
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
  });

  it("runs as `npm run backup` beside the running app", async () => {
    const file = path.join(work, "beside-the-app.tar.gz");
    const env = asEnv(external ? { DATABASE_URL: external, DATA_DIR: sourceDataDir } : { DATA_DIR: sourceDataDir });
    const run = await runScript("backup", file, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Sicherung geschrieben: .*beside-the-app\.tar\.gz \(\d+ Tabellen, [\d.]+ Zeilen, [\d,]+ (kB|MB)\) in \d+,\d s\n$/);
    const dir = fs.mkdtempSync(path.join(work, "check-"));
    const manifest = await readArchive(file, dir);
    expect(manifest.files.map((f) => f.name)).toEqual(["auth-secret"]);
    // The app (this process) still works on its database: the backup joined the server, it did not stop it.
    expect((await conceptViews()).size).toBe(sourceViews.size);
  });

  it("refuses a backup from a newer schema, changing nothing", async () => {
    const name = `kw_future_${tag}`;
    await source.unsafe(`create database ${name}`);
    createdDatabases.push(name);
    const folder = path.join(work, "future-migrations");
    fs.cpSync(path.join(root, "db", "migrations"), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; when: number }[] };
    const last = journal.entries[journal.entries.length - 1]!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 60_000, tag: "0099_future" } as (typeof journal.entries)[number]);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(folder, "0099_future.sql"), "CREATE TABLE future_things (id integer PRIMARY KEY);");
    const future = await rawClient(name);
    try {
      await migrate(drizzle(future), { migrationsFolder: folder });
      const file = path.join(work, "future.tar.gz");
      await writeBackup(future, { file, secretFile: null, kind: external ? "postgres" : "embedded" });
      const target = await emptyTarget("future-target");
      const refused = await refusal(restoreBackup({ file, env: target.env }));
      expect(refused.code).toBe("newer-schema");
      expect(refused.message).toMatch(/neueren Konzeptwerk-Version.*Aktualisieren Sie Konzeptwerk/);
      await expectUntouched(target);
      // A database that newer code has already migrated is no target for this backup, even when empty.
      const manifest = await readArchive(backupFile, fs.mkdtempSync(path.join(work, "check-")));
      const newer = await refusal(checkTarget(future, manifest));
      expect(newer.code).toBe("target-newer");
      const n = manifest.schema.migrations.length;
      expect(newer.message).toContain(`anderen Schemastand (${n + 1} Migrationen) als die Sicherung (${n})`);
    } finally {
      await future.end();
      if (external) await source.unsafe(`drop database if exists ${name} with (force)`);
    }
  });

  it("loads into a database that is migrated but empty (an interrupted restore is repeated)", async () => {
    const name = `kw_partial_${tag}`;
    await source.unsafe(`create database ${name}`);
    createdDatabases.push(name);
    const partial = await rawClient(name, 1);
    try {
      const dir = fs.mkdtempSync(path.join(work, "check-"));
      const manifest = await readArchive(backupFile, dir);
      await migrateTo(partial, manifest.schema.migrations.length - 2);
      await loadDatabase(partial, dir, manifest);
      expect(await fingerprints(partial)).toEqual(atSnapshot.tables);
    } finally {
      await partial.end();
      await source.unsafe(`drop database if exists ${name} with (force)`);
    }
  });

  it("refuses corrupt, truncated, tampered and foreign files, changing nothing", async () => {
    const target = await emptyTarget("refusals");
    const bytes = fs.readFileSync(backupFile);
    const cases: { name: string; data: Buffer; code: BackupRefusal; message: RegExp }[] = [];

    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x10;
    cases.push({ name: "flipped.tar.gz", data: flipped, code: "corrupt", message: /ist beschädigt/ });
    cases.push({ name: "truncated.tar.gz", data: bytes.subarray(0, Math.floor(bytes.length * 0.7)), code: "truncated", message: /ist unvollständig/ });
    cases.push({ name: "foreign.txt", data: Buffer.from("-- PostgreSQL database dump\n"), code: "not-a-backup", message: /ist keine Konzeptwerk-Sicherung/ });

    // A well-formed archive whose table data no longer matches its manifest's checksum.
    const unpacked = fs.mkdtempSync(path.join(work, "tamper-"));
    await tar.extract({ file: backupFile, cwd: unpacked });
    const copyFile = path.join(unpacked, "tables", "001.copy");
    const text = fs.readFileSync(copyFile);
    text[0] = text[0] === 0x30 ? 0x31 : 0x30;
    fs.writeFileSync(copyFile, text);
    const tampered = path.join(work, "tampered.tar.gz");
    await tar.create({ gzip: true, cwd: unpacked, file: tampered }, fs.readdirSync(unpacked));
    cases.push({ name: "tampered.tar.gz", data: fs.readFileSync(tampered), code: "corrupt", message: /Prüfsumme von tables\/001\.copy stimmt nicht/ });

    // A gzip'd tar without the manifest.
    const foreignTar = path.join(work, "foreign.tar.gz");
    await tar.create({ gzip: true, cwd: unpacked, file: foreignTar }, ["tables"]);
    cases.push({ name: "no-manifest.tar.gz", data: fs.readFileSync(foreignTar), code: "not-a-backup", message: /keine Konzeptwerk-Sicherung/ });

    for (const c of cases) {
      const file = path.join(work, c.name);
      fs.writeFileSync(file, c.data);
      const refused = await refusal(restoreBackup({ file, env: target.env }));
      expect(refused.code, c.name).toBe(c.code);
      expect(refused.message, c.name).toMatch(c.message);
    }
    await expectUntouched(target);
  });

  let targetEnv: NodeJS.ProcessEnv;

  it("restores with `npm run restore` into an empty target: every table as of the snapshot, the same concepts, the secret; a backup of it is the same", async () => {
    const name = `kw_restored_${tag}`;
    targetEnv = asEnv(external ? { DATABASE_URL: await newDatabase(name), DATA_DIR: targetDataDir } : { DATA_DIR: targetDataDir });
    const run = await runScript("restore", backupFile, targetEnv);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wiederhergestellt: .*sicherung\.tar\.gz \(\d+ Tabellen, [\d.]+ Zeilen, Sitzungsgeheimnis\) in \d+,\d s\n/);
    expect(fs.readFileSync(path.join(targetDataDir, "auth-secret"), "utf8")).toBe(secret);
    expect(fs.statSync(path.join(targetDataDir, "auth-secret")).mode & 0o777).toBe(0o600);

    // Backed up again while no app runs on it (the command starts the embedded server and stops it):
    // every table comes out byte for byte as it went in.
    const again = path.join(work, "again.tar.gz");
    const second = await runScript("backup", again, targetEnv);
    expect(second.code, second.stderr).toBe(0);
    if (!external) expect(fs.existsSync(path.join(targetDataDir, "pg", "postmaster.pid"))).toBe(false);
    const first = await readArchive(backupFile, fs.mkdtempSync(path.join(work, "check-")));
    const copy = await readArchive(again, fs.mkdtempSync(path.join(work, "check-")));
    expect(copy.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }))).toEqual(first.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 })));
    expect(copy.sequences).toEqual(first.sequences);
    expect(copy.schema).toEqual(first.schema);

    // From here on, the app's pool is on the restored database.
    await closeDb();
    if (external) process.env.DATABASE_URL = targetEnv.DATABASE_URL;
    else process.env.DATA_DIR = targetDataDir;
    const restored = await rawClient();
    try {
      const tables = await fingerprints(restored);
      expect(Object.keys(tables).sort()).toEqual(Object.keys(atSnapshot.tables).sort());
      for (const [key, want] of Object.entries(atSnapshot.tables)) expect(tables[key], key).toEqual(want);
      // Sequences go on after the restored rows (drizzle's migrations table has the only serial).
      const migrationsTable = (await appTables(restored)).find(isMigrationsTable)!;
      const [next] = await restored.unsafe<{ free: boolean }[]>(
        `select nextval(pg_get_serial_sequence('${qualified(migrationsTable)}', 'id')) > (select max(id) from ${qualified(migrationsTable)}) as free`,
      );
      expect(next!.free).toBe(true);
    } finally {
      await restored.end();
    }

    const views = await conceptViews();
    expect([...views.keys()]).toEqual([...sourceViews.keys()]);
    for (const [id, view] of views) {
      const before = sourceViews.get(id)!;
      if (id !== ids.conceptId) {
        expect(view, id).toEqual(before);
        continue;
      }
      // The concept written during the backup: exactly what it was at the snapshot.
      const versions = view.versions as { number: number }[];
      expect(versions.map((v) => v.number).sort((a, b) => a - b)).toEqual(atSnapshot.versionNumbers);
      expect(versions).toEqual((before.versions as { number: number }[]).filter((v) => atSnapshot.versionNumbers.includes(v.number)));
      const commentIds = (view.threads as { comments: { id: string }[] }[]).flatMap((t) => t.comments.map((c) => c.id)).sort();
      expect(commentIds).toEqual([...atSnapshot.commentIds].sort());
      const sections = (view.export as { sections: { chapter: string; fieldKey: string | null; content: unknown }[] }).sections;
      const mandates = sections.filter((s) => s.chapter === "mandate" && s.fieldKey === null).map((s) => s.content);
      expect(mandates).toContainEqual(atSnapshot.mandate);
    }
  });

  it("refuses a target that is not empty, changing nothing", async () => {
    const restored = await rawClient();
    const before = await fingerprints(restored);
    const run = await runScript("restore", backupFile, targetEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Wiederherstellung abgelehnt: Das Ziel ist nicht leer \(Daten in: .*\)\..*es wurde nichts geändert\./);
    expect(await fingerprints(restored)).toEqual(before);
    await restored.end();
  });
});
