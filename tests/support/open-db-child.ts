/**
 * A separate process that opens the database the way the app does (getDb():
 * connect, migrate under the advisory lock) at the moment START_AT (ms since the
 * epoch), so that several of them migrate the same fresh database at once.
 * Prints one JSON line with its pid and the database kind.
 */
import { closeDb, databaseKind, getDb } from "@/db";

const startAt = Number(process.env.START_AT ?? 0);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
await getDb();
console.log(JSON.stringify({ pid: process.pid, kind: await databaseKind() }));
await closeDb();
