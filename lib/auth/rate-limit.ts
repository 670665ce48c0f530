import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { onCloseDb, pgConnectionConfig } from "@/db";
import { rateLimited } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";

/**
 * Rate-limit counters shared by every app process: in Redis when REDIS_URL is
 * set, otherwise in the application's PostgreSQL (table rate_limits, created by
 * the library on first use). Each limiter carries an in-memory "insurance"
 * limiter that counts while the store is unreachable, so a database hiccup
 * neither opens the door nor locks everyone out.
 */
export type LimitSpec = {
  /** name of the counter; keys are stored as "<keyPrefix>:<hash of key>" */
  keyPrefix: string;
  points: number;
  /** seconds the counter lives after its first point */
  duration: number;
};

export type LimitStore = { kind: "redis"; client: Redis; close(): Promise<void> } | { kind: "postgres"; pool: Pool; close(): Promise<void> };

export const RATE_LIMIT_TABLE = "rate_limits";

/** A new connection to the store (tests open two to prove the counters are shared). */
export async function openLimitStore(env: NodeJS.ProcessEnv = process.env): Promise<LimitStore> {
  const url = env.REDIS_URL?.trim();
  if (url) {
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    client.on("error", (error: Error) => log.error({ event: "rate_limit.store_error", store: "redis", error: errorFields(error) }, "Redis nicht erreichbar"));
    // Without an offline queue, commands before the connection stands would fail over to the in-memory insurance.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, 3000);
      client.once("ready", done);
    });
    return { kind: "redis", client, close: async () => void (await client.quit().catch(() => client.disconnect())) };
  }
  const pool = new Pool({ ...(await pgConnectionConfig()), max: 3, idleTimeoutMillis: 30_000 });
  pool.on("error", (error) => log.error({ event: "rate_limit.store_error", store: "postgres", error: errorFields(error) }, "PostgreSQL-Verbindung gestört"));
  return { kind: "postgres", pool, close: () => pool.end() };
}

const globalForLimits = globalThis as unknown as {
  konzeptwerkLimitStore?: Promise<LimitStore>;
  konzeptwerkLimiters?: Map<string, Promise<RateLimiterAbstract>>;
};

function sharedStore(): Promise<LimitStore> {
  if (!globalForLimits.konzeptwerkLimitStore) {
    const opened = openLimitStore();
    globalForLimits.konzeptwerkLimitStore = opened;
    opened.then(
      (store) =>
        onCloseDb(async () => {
          globalForLimits.konzeptwerkLimitStore = undefined;
          globalForLimits.konzeptwerkLimiters?.clear();
          await store.close();
        }),
      () => (globalForLimits.konzeptwerkLimitStore = undefined),
    );
  }
  return globalForLimits.konzeptwerkLimitStore;
}

/** A limiter on the given store (default: the process's shared one). */
export async function createLimiter(spec: LimitSpec, store?: LimitStore): Promise<RateLimiterAbstract> {
  const s = store ?? (await sharedStore());
  const insuranceLimiter = new RateLimiterMemory({ ...spec });
  if (s.kind === "redis") return new RateLimiterRedis({ ...spec, storeClient: s.client, insuranceLimiter, rejectIfRedisNotReady: true });
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...spec, storeClient: s.pool, storeType: "pool", tableName: RATE_LIMIT_TABLE, insuranceLimiter },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

/**
 * The counter's name in the store. RATE_LIMIT_PREFIX keeps apart installations that share one Redis or database
 * (a test and a training instance, or each end-to-end run on a machine whose Redis outlives it).
 */
export function storedSpec(spec: LimitSpec, env: NodeJS.ProcessEnv = process.env): LimitSpec {
  const prefix = env.RATE_LIMIT_PREFIX?.trim();
  return prefix ? { ...spec, keyPrefix: `${prefix}:${spec.keyPrefix}` } : spec;
}

/** The process's limiter for `spec`, created once. Without a reachable store it counts in memory until the next try. */
export function limiter(spec: LimitSpec): Promise<RateLimiterAbstract> {
  const cache = (globalForLimits.konzeptwerkLimiters ??= new Map());
  let found = cache.get(spec.keyPrefix);
  if (!found) {
    found = createLimiter(storedSpec(spec)).catch((error: unknown) => {
      log.error({ event: "rate_limit.memory_fallback", keyPrefix: spec.keyPrefix, error: errorFields(error) }, "Zähler nur im Speicher");
      cache.delete(spec.keyPrefix);
      return new RateLimiterMemory({ ...spec });
    });
    cache.set(spec.keyPrefix, found);
  }
  return found;
}

/** Keys are hashed: an e-mail address plus an IPv6 address may be longer than the store's key column. */
export function limitKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url");
}

export const minutesText = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? "einer Minute" : `${n} Minuten`;
};

/** Take one point or throw AppError("rate_limited") with the waiting time in the message and in Retry-After. */
export async function consumeOrThrow(spec: LimitSpec, key: string, message: (wait: string) => string) {
  try {
    await (await limiter(spec)).consume(limitKey(key));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(message(minutesText(error.msBeforeNext)), error.msBeforeNext);
    throw error;
  }
}
