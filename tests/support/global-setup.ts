import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * Integration tests run against a real PostgreSQL: the one at DATABASE_URL when
 * set (its schema reset first when KONZEPTWERK_TEST_RESET=1 — only ever a test
 * database), else an embedded one in a fresh temporary data directory.
 */
export default async function setup() {
  // Rate-limit counters of the tests stay in their database: a Redis would keep them across runs.
  // tests/integration/rate-limits.test.ts tests the Redis store with this address.
  if (process.env.REDIS_URL) {
    process.env.KONZEPTWERK_TEST_REDIS_URL = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    if (process.env.KONZEPTWERK_TEST_RESET === "1") {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
      await sql.end();
    }
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-test-"));
  fs.chmodSync(dir, 0o755);
  process.env.DATA_DIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
