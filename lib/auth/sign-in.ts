import "server-only";
import { passwordSignInBlocked } from "@/db/queries/sso";
import { getUserByEmail } from "@/db/queries/users";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";
import { limiter, limitKey, type LimitSpec } from "./rate-limit";

/**
 * Sign-in protection after rate-limiter-flexible's "login endpoint protection":
 * failures are counted per e-mail address *and* client address (a stranger
 * elsewhere cannot lock a known user out), and per client address per day
 * (one password sprayed over many accounts is stopped). A success clears the
 * account's counter for that address. The counters are shared by all app
 * processes (lib/auth/rate-limit.ts).
 */
export const SIGN_IN_LIMITS = {
  accountAndIp: { keyPrefix: "login-fail-account-ip", points: 10, duration: 15 * 60 },
  ipPerDay: { keyPrefix: "login-fail-ip-day", points: 100, duration: 24 * 60 * 60 },
} satisfies Record<string, LimitSpec>;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "sso_required" }
  | { ok: false; reason: "rate_limited"; retryMs: number };

// argon2id hash of a random string, used to spend the same time on unknown e-mail addresses.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Ht0tN7kZC2hQ3B8m1UzX8Xy7bYqO2r7yJcF6d3hJ5w";

/** Check e-mail (already normalised to lower case) and password from the client at `ip`. */
export async function verifySignIn({ email, password, ip }: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const [byAccount, byIp] = await Promise.all([limiter(SIGN_IN_LIMITS.accountAndIp), limiter(SIGN_IN_LIMITS.ipPerDay)]);
  const accountKey = limitKey(email, ip);
  const ipKey = limitKey(ip);
  const [account, perIp] = await Promise.all([byAccount.get(accountKey), byIp.get(ipKey)]);
  const blocked = [
    perIp && perIp.consumedPoints >= SIGN_IN_LIMITS.ipPerDay.points ? perIp.msBeforeNext : 0,
    account && account.consumedPoints >= SIGN_IN_LIMITS.accountAndIp.points ? account.msBeforeNext : 0,
  ];
  const retryMs = Math.max(...blocked);
  if (retryMs > 0) {
    log.warn({ event: "auth.sign_in_failed", reason: "rate_limited", retryMs }, "Anmeldung gesperrt (zu viele Versuche)");
    return { ok: false, reason: "rate_limited", retryMs };
  }

  const user = await getUserByEmail({ email });
  // Verify even without a user, so the answer takes as long as for a wrong password.
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok) {
    // Unknown addresses count too: whether an account exists must not show in the limits.
    await Promise.all([byAccount.penalty(accountKey), byIp.penalty(ipKey)]);
    // Neither the address nor whether it exists: the reason and the request id (X-Request-Id) are enough to find it.
    log.info({ event: "auth.sign_in_failed", reason: "invalid" }, "Anmeldung fehlgeschlagen");
    return { ok: false, reason: "invalid" };
  }
  if (account && account.consumedPoints > 0) await byAccount.delete(accountKey);
  // Said only after the right password: otherwise the answer would tell who has an account.
  if (await passwordSignInBlocked({ userId: user.id })) {
    log.info({ event: "auth.sign_in_failed", reason: "sso_required", userId: user.id }, "Anmeldung nur über SSO");
    return { ok: false, reason: "sso_required" };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
