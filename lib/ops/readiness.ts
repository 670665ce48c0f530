import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { appliedMigrationStamps } from "@/db/queries/ops";

/**
 * Readiness (GET /api/health/ready): may this process take traffic? Yes when the
 * database answers and every migration of db/migrations (its journal) is
 * recorded in drizzle's migrations table. The PDF compiler is not checked: it
 * starts on the first export and an export waits in its queue meanwhile.
 * The answer names checks and counts only.
 */
export type ReadinessCheck = { ok: boolean; detail?: string };
export type Readiness = { ready: boolean; checks: { database: ReadinessCheck; migrations: ReadinessCheck } };

type Journal = { entries: { tag: string; when: number }[] };

/** The migrations the code expects, from db/migrations/meta/_journal.json. */
export function expectedMigrations(root = process.env.KONZEPTWERK_ROOT ?? process.cwd()): { tag: string; when: number }[] {
  const file = path.join(root, "db", "migrations", "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as Journal).entries.map(({ tag, when }) => ({ tag, when }));
}

/** The tags of expected migrations that the database has not recorded. */
export function missingMigrations(expected: { tag: string; when: number }[], applied: number[]): string[] {
  const done = new Set(applied);
  return expected.filter((m) => !done.has(m.when)).map((m) => m.tag);
}

const DB_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function readiness(options: { expected?: { tag: string; when: number }[] } = {}): Promise<Readiness> {
  const unready = (detail: string): ReadinessCheck => ({ ok: false, detail });
  let applied: number[];
  try {
    applied = await withTimeout(
      (async () => {
        const db = await getDb();
        await db.execute(sql`select 1`);
        return appliedMigrationStamps(db);
      })(),
      DB_TIMEOUT_MS,
    );
  } catch (error) {
    const detail = error instanceof Error && error.message === "timeout" ? "keine Antwort der Datenbank" : "Datenbank nicht erreichbar";
    return { ready: false, checks: { database: unready(detail), migrations: unready("nicht geprüft") } };
  }
  let missing: string[];
  try {
    missing = missingMigrations(options.expected ?? expectedMigrations(), applied);
  } catch {
    return { ready: false, checks: { database: { ok: true }, migrations: unready("Migrationsverzeichnis nicht lesbar") } };
  }
  const migrations: ReadinessCheck = missing.length === 0 ? { ok: true } : unready(`nicht angewendet: ${missing.join(", ")}`);
  return { ready: migrations.ok, checks: { database: { ok: true }, migrations } };
}
