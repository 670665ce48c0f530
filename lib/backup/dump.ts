/**
 * Read the whole database in one snapshot: a REPEATABLE READ, READ ONLY
 * transaction sees one consistent state however many saves run beside it, and
 * `COPY … TO STDOUT` streams each table out in PostgreSQL's own text format.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { appliedMigrations, appSequences, appTables, qualified, quoteIdent } from "./catalog";
import { BackupError } from "./errors";
import type { Manifest } from "./manifest";
import { rowsLabel } from "./words";

export type Dump = Pick<Manifest, "tables" | "sequences"> & { migrations: Manifest["schema"]["migrations"]; serverVersion: string };

export type DumpOptions = {
  /** called inside the snapshot with its exported id (SET TRANSACTION SNAPSHOT reads the same state); the dump waits for it */
  onSnapshot?: (snapshotId: string) => Promise<void>;
  progress?: (message: string) => void;
};

/** Write every table of the app into spoolDir/tables/NNN.copy; returns what the manifest says about them. */
export async function dumpDatabase(sql: postgres.Sql, spoolDir: string, options: DumpOptions = {}): Promise<Dump> {
  fs.mkdirSync(path.join(spoolDir, "tables"), { recursive: true });
  return sql.begin("isolation level repeatable read read only", async (tx) => {
    // The first statement fixes the snapshot; everything below reads that state.
    const [{ id }] = (await tx`select pg_export_snapshot() as id`) as unknown as [{ id: string }];
    const migrations = await appliedMigrations(tx);
    if (!migrations?.length) throw new BackupError("no-database", "Die Datenbank enthält keine Konzeptwerk-Daten (keine angewandten Migrationen).");
    if (options.onSnapshot) await options.onSnapshot(id);
    const [{ server_version: serverVersion }] = (await tx`show server_version`) as unknown as [{ server_version: string }];
    const tables: Dump["tables"] = [];
    for (const [i, t] of (await appTables(tx)).entries()) {
      const file = `tables/${String(i).padStart(3, "0")}.copy`;
      const stats = { rows: 0, bytes: 0 };
      const hash = createHash("sha256");
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          stats.bytes += chunk.length;
          // COPY text format escapes newlines inside values: one line per row.
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) stats.rows += 1;
          done(null, chunk);
        },
      });
      const columns = t.columns.map(quoteIdent).join(", ");
      // In key order, not the heap's: the same data always gives the same file (and checksum),
      // whatever order updates left the rows in. (Every table of the app has a primary key.)
      const query = t.key.length ? `(select ${columns} from ${qualified(t)} order by ${t.key.map(quoteIdent).join(", ")})` : `${qualified(t)} (${columns})`;
      const source = await tx.unsafe(`copy ${query} to stdout`).readable();
      await pipeline(source, count, fs.createWriteStream(path.join(spoolDir, file)));
      // postgres.js 3.4.9 pauses the socket when a COPY chunk fills the stream's buffer and can
      // leave it paused when CopyDone arrives in the same chunk: the next query then hangs
      // (porsager/postgres#499, fix proposed in #1016). The stream's _read only resumes the socket.
      source._read(0);
      tables.push({ schema: t.schema, name: t.name, columns: t.columns, file, rows: stats.rows, bytes: stats.bytes, sha256: hash.digest("hex") });
      options.progress?.(`  ${t.name}: ${rowsLabel(stats.rows)}`);
    }
    return { tables, sequences: await appSequences(tx), migrations, serverVersion };
  });
}
