/**
 * A separate process that opens the database the way the app does (getDb():
 * connect, migrate under the advisory lock), held at a barrier so that several
 * of them migrate the same fresh database at once:
 *   1. connects to the database at DATABASE_URL (a connection of its own, to know
 *      the server answers) and prints {"event":"ready","connectedAt":…};
 *   2. waits for a line "go" on stdin;
 *   3. calls getDb() and prints {"event":"done", pid, kind, connectedAt, goAt, migratedAt}.
 * Times are ms since the epoch.
 */
import postgres from "postgres";
import { closeDb, databaseKind, getDb } from "@/db";

const go = new Promise<number>((resolve) => {
  let buffer = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk: string) => {
    buffer += chunk;
    if (buffer.split("\n").some((line) => line.trim() === "go")) resolve(Date.now());
  });
});

// postgres.js takes host and user from PGHOST/PGUSER when the URL names none (the embedded server's socket).
const probe = postgres(process.env.DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
await probe`select 1`;
const connectedAt = Date.now();
await probe.end({ timeout: 5 });
console.log(JSON.stringify({ event: "ready", connectedAt }));

const goAt = await go;
process.stdin.destroy();
await getDb();
const migratedAt = Date.now();
console.log(JSON.stringify({ event: "done", pid: process.pid, kind: await databaseKind(), connectedAt, goAt, migratedAt }));
await closeDb();
