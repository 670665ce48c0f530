/**
 * The schema version of a backup is drizzle's migrations table as of its
 * snapshot. This code knows the migrations in db/migrations; a backup whose last
 * migration it does not know comes from newer code and is refused.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import { BackupError } from "./errors";

/** The advisory lock under which the app migrates (MIGRATION_LOCK in db/index.ts; not imported, see EPHEMERAL_TABLES). */
export const MIGRATION_LOCK = 7_140_001;

export type CodeMigration = { tag: string; createdAt: number; hash: string; file: string };


export function migrationsFolder() {
  return path.join(process.cwd(), "db", "migrations");
}

/** The migrations this code ships, oldest first, hashed as drizzle hashes them (SHA-256 of the file). */
export function codeMigrations(folder = migrationsFolder()): CodeMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
  return journal.entries.map((e) => {
    const file = path.join(folder, `${e.tag}.sql`);
    return { tag: e.tag, createdAt: e.when, hash: createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("hex"), file };
  });
}

/**
 * How many of this code's migrations make up the backup's schema; refuses a
 * backup whose migrations this code does not know (drizzle matches them by time stamp).
 */
export function knownSchema(applied: { createdAt: number }[], code: CodeMigration[] = codeMigrations()): number {
  const last = applied[applied.length - 1]!;
  const newest = code[code.length - 1];
  if (!newest || last.createdAt > newest.createdAt) {
    throw new BackupError(
      "newer-schema",
      `Die Sicherung stammt von einer neueren Konzeptwerk-Version (Schemastand ${applied.length}, diese Version kennt ${code.length}). ` +
        "Aktualisieren Sie Konzeptwerk und stellen Sie dann wieder her.",
    );
  }
  for (const [i, m] of applied.entries()) {
    if (code[i]?.createdAt !== m.createdAt) {
      throw new BackupError("unknown-schema", `Der Schemastand der Sicherung passt nicht zu dieser Konzeptwerk-Version (Migration ${i + 1} ist unbekannt).`);
    }
  }
  return applied.length;
}

export function tagOf(createdAt: number, code: CodeMigration[] = codeMigrations()) {
  return code.find((m) => m.createdAt === createdAt)?.tag ?? null;
}

/** Apply this code's first `count` migrations (the app applies the rest at its next start); `sql` must hold one connection (the lock is per session). */
export async function migrateTo(sql: postgres.Sql, count: number) {
  const code = codeMigrations();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kw-migrate-to-"));
  try {
    fs.mkdirSync(path.join(folder, "meta"));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
    for (const m of code.slice(0, count)) fs.copyFileSync(m.file, path.join(folder, path.basename(m.file)));
    // Loaded here: only a restore migrates, and drizzle is most of a backup command's start-up.
    const [{ drizzle }, { migrate }] = await Promise.all([import("drizzle-orm/postgres-js"), import("drizzle-orm/postgres-js/migrator")]);
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migrate(drizzle(sql), { migrationsFolder: folder });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
