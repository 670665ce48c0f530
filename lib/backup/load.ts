/**
 * Load a checked backup into an empty database: migrate to the backup's schema
 * version, then one transaction that locks every table, makes sure they are
 * still empty, COPYs the tables in foreign-key order and sets the sequences.
 * Either all of it is there afterwards or nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { appliedMigrations, appTables, isMigrationsTable, qualified, quoteIdent, tablesWithRows, type CatalogTable } from "./catalog";
import { BackupError } from "./errors";
import type { Manifest } from "./manifest";
import { migrateTo } from "./schema-version";
import { rowsLabel } from "./words";

function notEmpty(tables: string[]) {
  const shown = tables.slice(0, 5).join(", ") + (tables.length > 5 ? ` und ${tables.length - 5} weitere` : "");
  return new BackupError(
    "target-not-empty",
    `Das Ziel ist nicht leer (Daten in: ${shown}). Wiederhergestellt wird nur in ein leeres Datenverzeichnis oder eine leere Datenbank; es wurde nichts geändert.`,
  );
}

/** Refuse a target that holds data or a newer schema than the backup (read only: nothing is changed). */
export async function checkTarget(sql: postgres.Sql, manifest: Manifest) {
  const full = await tablesWithRows(sql, await appTables(sql));
  if (full.length > 0) throw notEmpty(full);
  const applied = (await appliedMigrations(sql)) ?? [];
  const wanted = manifest.schema.migrations;
  if (applied.length > wanted.length || applied.some((m, i) => m.createdAt !== wanted[i]!.createdAt)) {
    throw new BackupError(
      "target-newer",
      `Die Zieldatenbank hat bereits einen anderen Schemastand (${applied.length} Migrationen) als die Sicherung (${wanted.length}). Verwenden Sie eine leere Datenbank; es wurde nichts geändert.`,
    );
  }
}

export async function loadDatabase(sql: postgres.Sql, dir: string, manifest: Manifest, progress?: (message: string) => void) {
  await checkTarget(sql, manifest);
  await migrateTo(sql, manifest.schema.migrations.length);
  await sql.begin(async (tx) => {
    const tables = await appTables(tx);
    assertSameTables(tables, manifest);
    // No one may write between the check and the load (an app already running on this database, say).
    await tx.unsafe(`lock table ${tables.map(qualified).join(", ")} in access exclusive mode`);
    const full = await tablesWithRows(tx, tables);
    if (full.length > 0) throw notEmpty(full);
    const byName = new Map(manifest.tables.map((t) => [`${t.schema}.${t.name}`, t]));
    for (const t of tables) {
      const entry = byName.get(`${t.schema}.${t.name}`)!;
      if (isMigrationsTable(t)) await tx.unsafe(`delete from ${qualified(t)}`); // migrateTo wrote the same list; the backup's rows replace it
      const target = await tx.unsafe(`copy ${qualified(t)} (${entry.columns.map(quoteIdent).join(", ")}) from stdin`).writable();
      await pipeline(fs.createReadStream(path.join(dir, entry.file)), target);
      progress?.(`  ${t.name}: ${rowsLabel(entry.rows)}`);
    }
    for (const s of manifest.sequences) {
      await tx`select setval(${qualified(s)}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`;
    }
  });
}

/** After migrating to the backup's version the target must have exactly the backup's tables and columns. */
function assertSameTables(tables: CatalogTable[], manifest: Manifest) {
  const have = new Map(tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const want = new Set(manifest.tables.map((t) => `${t.schema}.${t.name}`));
  const missing = [...want].filter((n) => !have.has(n));
  const extra = [...have.keys()].filter((n) => !want.has(n));
  const columns = manifest.tables.filter((t) => have.has(`${t.schema}.${t.name}`) && t.columns.some((c) => !have.get(`${t.schema}.${t.name}`)!.columns.includes(c)));
  if (missing.length || extra.length || columns.length) {
    const detail = [...missing.map((n) => `${n} fehlt im Ziel`), ...extra.map((n) => `${n} fehlt in der Sicherung`), ...columns.map((t) => `Spalten von ${t.name} weichen ab`)];
    throw new BackupError("unknown-schema", `Die Tabellen der Sicherung passen nicht zum Schemastand: ${detail.join("; ")}.`);
  }
}
