import { getDb, closeDb, databaseKind } from "./db/index.ts";
import { sql } from "drizzle-orm";
const t0 = Date.now();
const db = await getDb();
console.log("ready", Date.now()-t0, await databaseKind(), await db.execute(sql`select count(*) from users`));
await closeDb();
console.log("closed");
