/**
 * The database and data directory a backup reads or a restore fills: the same
 * settings as `npm start` (DATABASE_URL, else the embedded server under DATA_DIR).
 * The embedded server is joined when the app runs it, else started and stopped again.
 */
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { databaseTarget } from "@/db/config";
import { EMBEDDED_DATABASE, EMBEDDED_PORT, startEmbeddedPostgres, stopOnExit } from "@/db/embedded";
import { BackupError } from "./errors";

export type Target = { kind: "embedded" | "postgres"; sql: postgres.Sql; label: string; close: () => Promise<void> };

/** Where the app keeps its session secret when AUTH_SECRET is not set (scripts/start.ts ensureAuthSecret). */
export function authSecretFile(env: NodeJS.ProcessEnv = process.env) {
  return path.resolve(env.DATA_DIR?.trim() || "data", "auth-secret");
}

/**
 * Connect with one connection (migrations hold an advisory lock on it).
 * `mustExist`: for a backup, an embedded data directory without a database is an error, not something to create.
 */
export async function openTarget(env: NodeJS.ProcessEnv, { mustExist }: { mustExist: boolean }): Promise<Target> {
  const target = databaseTarget(env);
  const options = { max: 1, onnotice: () => {} };
  if (target.kind === "postgres") {
    const sql = postgres(target.url, options);
    return { kind: "postgres", sql, label: "PostgreSQL (DATABASE_URL)", close: () => sql.end({ timeout: 5 }) };
  }
  if (mustExist && !fs.existsSync(path.join(target.dataDir, "pg", "PG_VERSION"))) {
    throw new BackupError("no-database", `In ${target.dataDir} liegt keine Konzeptwerk-Datenbank (DATA_DIR prüfen).`);
  }
  const server = await startEmbeddedPostgres({ dataDir: target.dataDir });
  stopOnExit(server);
  const sql = postgres({ ...options, path: path.join(server.socketDir, `.s.PGSQL.${EMBEDDED_PORT}`), database: EMBEDDED_DATABASE, username: "postgres" });
  return {
    kind: "embedded",
    sql,
    label: `eingebettet (${target.dataDir}${server.owned ? "" : ", läuft mit der App"})`,
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop(); // only stops a server this process started
    },
  };
}
