/**
 * `npm run backup` and `npm run restore`: the whole installation (database and
 * the session secret) into one file and back. A restore checks the file
 * completely and refuses before it touches anything.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import { formatDateTime } from "@/lib/format";
import { readArchive, sha256File, writeArchive } from "./archive";
import { dumpDatabase, type DumpOptions } from "./dump";
import { loadDatabase } from "./load";
import { AUTH_SECRET_ENTRY, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Manifest } from "./manifest";
import { knownSchema, tagOf } from "./schema-version";
import { authSecretFile, openTarget } from "./target";

export type BackupResult = { file: string; tables: number; rows: number; bytes: number; ms: number; secret: boolean; manifest: Manifest };

function appVersion() {
  try {
    return (JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unbekannt";
  }
}

/** Back up the database behind `sql` and the secret file (if there is one) into `file`. */
export async function writeBackup(
  sql: postgres.Sql,
  input: { file: string; secretFile: string | null; kind: "embedded" | "postgres" } & DumpOptions,
): Promise<BackupResult> {
  const t0 = performance.now();
  const file = path.resolve(input.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Spool beside the target: same file system, and a large database never lands in a small /tmp.
  const spool = fs.mkdtempSync(path.join(path.dirname(file), `.${path.basename(file)}.spool-`));
  const partial = `${file}.${process.pid}.partial`;
  // Strg+C ends the process through process.exit (db/embedded.ts stopOnExit): no finally runs then.
  const cleanUp = () => {
    fs.rmSync(spool, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  };
  process.once("exit", cleanUp);
  try {
    const dump = await dumpDatabase(sql, spool, input);
    const files: Manifest["files"] = [];
    if (input.secretFile && fs.existsSync(input.secretFile)) {
      fs.mkdirSync(path.join(spool, "files"));
      const copy = path.join(spool, AUTH_SECRET_ENTRY);
      fs.copyFileSync(input.secretFile, copy);
      files.push({ name: "auth-secret", file: AUTH_SECRET_ENTRY, bytes: fs.statSync(copy).size, sha256: await sha256File(copy) });
    }
    const last = dump.migrations[dump.migrations.length - 1]!;
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: { version: appVersion() },
      database: { kind: input.kind, serverVersion: dump.serverVersion },
      schema: { migrations: dump.migrations, lastTag: tagOf(last.createdAt) },
      tables: dump.tables,
      sequences: dump.sequences,
      files,
    };
    const bytes = await writeArchive(spool, manifest, partial, file);
    const rows = dump.tables.reduce((n, t) => n + t.rows, 0);
    return { file, tables: dump.tables.length, rows, bytes, ms: performance.now() - t0, secret: files.length > 0, manifest };
  } finally {
    process.off("exit", cleanUp);
    cleanUp();
  }
}

/** The backup command: connect per env (joining a running embedded server), write `file`. */
export async function createBackup(input: { file: string; env?: NodeJS.ProcessEnv; progress?: (m: string) => void }): Promise<BackupResult> {
  const env = input.env ?? process.env;
  const target = await openTarget(env, { mustExist: true });
  try {
    input.progress?.(`Datenbank: ${target.label}`);
    return await writeBackup(target.sql, { file: input.file, secretFile: authSecretFile(env), kind: target.kind, progress: input.progress });
  } finally {
    await target.close();
  }
}

export type RestoreResult = { tables: number; rows: number; ms: number; secret: boolean; manifest: Manifest };

/**
 * The restore command: check the file (checksums, format, schema version)
 * before connecting, then load it into the empty target and write the secret.
 */
export async function restoreBackup(input: { file: string; env?: NodeJS.ProcessEnv; progress?: (m: string) => void }): Promise<RestoreResult> {
  const t0 = performance.now();
  const env = input.env ?? process.env;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-restore-"));
  try {
    const manifest = await readArchive(path.resolve(input.file), dir);
    knownSchema(manifest.schema.migrations);
    input.progress?.(`Sicherung geprüft: ${manifest.tables.length} Tabellen, erstellt am ${formatDateTime(manifest.createdAt)}.`);
    const target = await openTarget(env, { mustExist: false });
    try {
      input.progress?.(`Ziel: ${target.label}`);
      await loadDatabase(target.sql, dir, manifest, input.progress);
    } finally {
      await target.close();
    }
    const secret = manifest.files.find((f) => f.name === "auth-secret");
    if (secret) writeSecret(authSecretFile(env), path.join(dir, secret.file));
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    return { tables: manifest.tables.length, rows, ms: performance.now() - t0, secret: Boolean(secret), manifest };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function writeSecret(file: string, from: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, fs.readFileSync(from), { mode: 0o600 });
  fs.renameSync(partial, file);
}
