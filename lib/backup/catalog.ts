/**
 * What belongs to the app's data, read from pg_catalog (never a hand list):
 * every table of the `public` schema plus drizzle's migrations table, their
 * columns, the order foreign keys demand, and the sequences.
 */
import type postgres from "postgres";

/**
 * Counters the rate-limit library creates and expires on its own (RATE_LIMIT_TABLE in
 * lib/auth/rate-limit.ts, not imported: it would load the app's whole schema into the
 * command; lib/backup/backup.test.ts checks the two agree): not data worth restoring.
 */
export const EPHEMERAL_TABLES: readonly string[] = ["rate_limits"];
export const MIGRATIONS_TABLE = { schema: "drizzle", name: "__drizzle_migrations" } as const;

/** `key`: the primary key's columns (the dump's row order), or [] for a table without one. */
export type CatalogTable = { oid: number; schema: string; name: string; columns: string[]; key: string[] };
type Query = postgres.Sql | postgres.TransactionSql;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (t: { schema: string; name: string }) => `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
export const isMigrationsTable = (t: { schema: string; name: string }) => t.schema === MIGRATIONS_TABLE.schema && t.name === MIGRATIONS_TABLE.name;

/** The app's tables with their stored (not generated) columns, parents before children. */
export async function appTables(sql: Query): Promise<CatalogTable[]> {
  const rows = await sql<{ oid: number; schema: string; name: string; columns: string[]; key: string[] }[]>`
    select c.oid::int as oid, n.nspname as schema, c.relname as name,
           array(select a.attname::text from pg_attribute a
                 where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                 order by a.attnum) as columns,
           array(select a.attname::text from pg_index i
                 join lateral unnest(i.indkey) with ordinality as k(attnum, pos) on true
                 join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                 where i.indrelid = c.oid and i.indisprimary
                 order by k.pos) as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition
      and (n.nspname = 'public' or (n.nspname = ${MIGRATIONS_TABLE.schema} and c.relname = ${MIGRATIONS_TABLE.name}))
    order by n.nspname, c.relname`;
  const tables = rows.filter((t) => !(t.schema === "public" && EPHEMERAL_TABLES.includes(t.name)));
  const edges = await sql<{ child: number; parent: number }[]>`
    select conrelid::int as child, confrelid::int as parent from pg_constraint where contype = 'f' and conrelid <> confrelid`;
  return parentsFirst(tables, edges);
}

/** Topological order over foreign keys (a table's own self-reference is checked at the end of its COPY). */
export function parentsFirst<T extends { oid: number; schema: string; name: string }>(tables: T[], edges: { child: number; parent: number }[]): T[] {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const parents = new Map<number, Set<number>>(tables.map((t) => [t.oid, new Set()]));
  for (const e of edges) if (byOid.has(e.child) && byOid.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const ordered: T[] = [];
  const done = new Set<number>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t.oid) && [...parents.get(t.oid)!].every((p) => done.has(p)));
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.oid)).map((t) => t.name);
      throw new Error(`Fremdschlüssel bilden einen Kreis, keine Ladereihenfolge möglich: ${left.join(", ")}`);
    }
    for (const t of ready) {
      done.add(t.oid);
      ordered.push(t);
    }
  }
  return ordered;
}

export async function appSequences(sql: Query): Promise<{ schema: string; name: string; lastValue: string; isCalled: boolean }[]> {
  const seqs = await sql<{ schema: string; name: string }[]>`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname in ('public', ${MIGRATIONS_TABLE.schema}) order by 1, 2`;
  const out = [];
  for (const s of seqs) {
    const [row] = await sql.unsafe<{ last_value: string; is_called: boolean }[]>(`select last_value::text, is_called from ${qualified(s)}`);
    out.push({ ...s, lastValue: row!.last_value, isCalled: row!.is_called });
  }
  return out;
}

/** Tables of the app that hold at least one row (drizzle's migrations table not counted). */
export async function tablesWithRows(sql: Query, tables: CatalogTable[]): Promise<string[]> {
  const full: string[] = [];
  for (const t of tables) {
    if (isMigrationsTable(t)) continue;
    const [row] = await sql.unsafe<{ any: boolean }[]>(`select exists (select 1 from ${qualified(t)}) as any`);
    if (row!.any) full.push(t.name);
  }
  return full;
}

/** drizzle's record of applied migrations, oldest first; null when the table does not exist. */
export async function appliedMigrations(sql: Query): Promise<{ hash: string; createdAt: number }[] | null> {
  const [exists] = await sql<{ exists: boolean }[]>`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  if (!exists!.exists) return null;
  const rows = await sql<{ hash: string; created_at: string }[]>`select hash, created_at::text from drizzle.__drizzle_migrations order by created_at, id`;
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}
