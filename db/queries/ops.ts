import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";

/**
 * Operational read-outs (readiness, metrics): counts and migration stamps only,
 * never a row's content.
 */

/** The `created_at` stamps (the journal's `when`) of the migrations drizzle has applied; [] when none ran yet. */
export async function appliedMigrationStamps(db?: Executor): Promise<number[]> {
  const d = db ?? (await getDb());
  const exists = await d.execute<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists[0]?.present) return [];
  const rows = await d.execute<{ created_at: string | number }>(sql`select created_at from drizzle.__drizzle_migrations`);
  return rows.map((r) => Number(r.created_at));
}

export type MailQueueCounts = { pending: number; retrying: number; failed: number };

/** Mails waiting for their first attempt, waiting after a failed one, and given up. */
export async function mailQueueCounts(db?: Executor): Promise<MailQueueCounts> {
  const d = db ?? (await getDb());
  const [row] = await d.execute<{ pending: number; retrying: number; failed: number }>(sql`
    select count(*) filter (where status = 'pending' and attempts = 0)::int as pending,
           count(*) filter (where status = 'pending' and attempts > 0)::int as retrying,
           count(*) filter (where status = 'failed')::int as failed
    from mail_queue`);
  return { pending: row?.pending ?? 0, retrying: row?.retrying ?? 0, failed: row?.failed ?? 0 };
}
