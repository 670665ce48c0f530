/**
 * Sign-in protection (lib/auth/sign-in.ts) and the shared rate-limit counters
 * (lib/auth/rate-limit.ts), on the real database.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createLimiter, limitKey, openLimitStore, RATE_LIMIT_TABLE, storedSpec, type LimitStore } from "@/lib/auth/rate-limit";
import { SIGN_IN_LIMITS, verifySignIn } from "@/lib/auth/sign-in";

afterAll(() => closeDb());

const PASSWORD = "ein-sicheres-Passwort-2026";
const unique = () => randomBytes(4).toString("hex");
/** A fresh documentation-range address per test, so counters never carry over. */
let ipCounter = 0;
const ip = () => `198.51.100.${(++ipCounter % 250) + 1}-${unique()}`;

let email: string;
beforeAll(async () => {
  const db = await getDb();
  email = `pruefling-${unique()}@test.example`;
  await db.insert(users).values({ email, name: "Paula Prüfling", passwordHash: await hashPassword(PASSWORD) });
});

describe("signing in", () => {
  it("stops an 11th try after 10 wrong passwords from one address, while the person still signs in from another", async () => {
    const attacker = ip();
    for (let i = 0; i < SIGN_IN_LIMITS.accountAndIp.points; i++) {
      expect(await verifySignIn({ email, password: `falsch-${i}`, ip: attacker })).toEqual({ ok: false, reason: "invalid" });
    }
    // Even the right password is not checked any more from that address.
    const blocked = await verifySignIn({ email, password: PASSWORD, ip: attacker });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryMs).toBeGreaterThan(10 * 60_000);
    // No lock-out by strangers: the owner elsewhere is let in.
    expect(await verifySignIn({ email, password: PASSWORD, ip: ip() })).toMatchObject({ ok: true, user: { email } });
  });

  it("clears the account's counter on success, so typing errors do not add up", async () => {
    const office = ip();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.accountAndIp.points - 1; i++) await verifySignIn({ email, password: "vertippt", ip: office });
      expect(await verifySignIn({ email, password: PASSWORD, ip: office })).toMatchObject({ ok: true });
    }
  });

  it("limits one password sprayed over many accounts from one address per day", async () => {
    const sprayer = ip();
    for (let i = 0; i < SIGN_IN_LIMITS.ipPerDay.points; i++) {
      const result = await verifySignIn({ email: `opfer-${i}-${unique()}@test.example`, password: "Sommer2026!", ip: sprayer });
      expect(result.ok).toBe(false);
    }
    const next = await verifySignIn({ email, password: PASSWORD, ip: sprayer });
    expect(next).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(next.ok === false && next.reason === "rate_limited" && next.retryMs).toBeGreaterThan(23 * 60 * 60_000);
    // Other addresses are not affected.
    expect(await verifySignIn({ email, password: PASSWORD, ip: ip() })).toMatchObject({ ok: true });
  }, 120_000);
});

/** Two limiters on two connections, as in two app processes, see one counter. */
async function expectShared(a: LimitStore, b: LimitStore) {
  const spec = { keyPrefix: `shared-${unique()}`, points: 5, duration: 60 };
  const [one, two] = await Promise.all([createLimiter(spec, a), createLimiter(spec, b)]);
  const key = limitKey("203.0.113.5");
  for (let i = 0; i < 3; i++) await one.consume(key);
  expect((await two.get(key))?.consumedPoints).toBe(3);
  await two.consume(key, 2);
  const refused = await one.consume(key).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(RateLimiterRes);
  expect((refused as RateLimiterRes).remainingPoints).toBe(0);
}

describe("the counters", () => {
  it("live in PostgreSQL and are shared by every app process", async () => {
    const a = await openLimitStore({} as NodeJS.ProcessEnv);
    const b = await openLimitStore({} as NodeJS.ProcessEnv);
    try {
      expect([a.kind, b.kind]).toEqual(["postgres", "postgres"]);
      await expectShared(a, b);
      const db = await getDb();
      const rows = await db.execute(sql`select count(*)::int as n from ${sql.identifier(RATE_LIMIT_TABLE)} where key like 'shared-%'`);
      expect((rows as unknown as { n: number }[])[0]?.n).toBeGreaterThan(0);
      // The sign-in counters of the tests above are there too.
      const signIn = await db.execute(sql`select count(*)::int as n from ${sql.identifier(RATE_LIMIT_TABLE)} where key like ${`${SIGN_IN_LIMITS.accountAndIp.keyPrefix}:%`}`);
      expect((signIn as unknown as { n: number }[])[0]?.n).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("count apart under two RATE_LIMIT_PREFIX values on one store, and together without one", async () => {
    const store = await openLimitStore({} as NodeJS.ProcessEnv);
    try {
      const spec = { keyPrefix: `register-${unique()}`, points: 2, duration: 60 };
      const [first, second, plain] = await Promise.all([
        createLimiter(storedSpec(spec, { RATE_LIMIT_PREFIX: "lauf-1" } as unknown as NodeJS.ProcessEnv), store),
        createLimiter(storedSpec(spec, { RATE_LIMIT_PREFIX: " lauf-2 " } as unknown as NodeJS.ProcessEnv), store),
        createLimiter(storedSpec(spec, { RATE_LIMIT_PREFIX: "" } as unknown as NodeJS.ProcessEnv), store),
      ]);
      const key = limitKey("127.0.0.1");
      await first.consume(key, 2);
      expect(await first.consume(key).catch((e: unknown) => e)).toBeInstanceOf(RateLimiterRes);
      expect((await second.consume(key)).remainingPoints).toBe(1);
      expect((await plain.consume(key)).remainingPoints).toBe(1);
      expect(storedSpec(spec, { RATE_LIMIT_PREFIX: " lauf-2 " } as unknown as NodeJS.ProcessEnv).keyPrefix).toBe(`lauf-2:${spec.keyPrefix}`);
    } finally {
      await store.close();
    }
  });

  // The test environment moves REDIS_URL aside (tests/support/global-setup.ts) so that the other tests count in their own database.
  const redisUrl = process.env.KONZEPTWERK_TEST_REDIS_URL;
  it.skipIf(!redisUrl)("live in Redis when REDIS_URL is set, shared the same way", async () => {
    const a = await openLimitStore({ REDIS_URL: redisUrl } as unknown as NodeJS.ProcessEnv);
    const b = await openLimitStore({ REDIS_URL: redisUrl } as unknown as NodeJS.ProcessEnv);
    try {
      expect([a.kind, b.kind]).toEqual(["redis", "redis"]);
      await expectShared(a, b);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
