import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Sign-in attempts per e-mail address: 10 per 15 minutes. Kept in memory, which
 * suits the single app process; several processes behind a balancer would use
 * the library's Redis or PostgreSQL store instead.
 */
const limiter = new RateLimiterMemory({ points: 10, duration: 15 * 60, keyPrefix: "login" });

export const loginLimiter = {
  async allow(key: string) {
    try {
      await limiter.consume(key);
      return true;
    } catch {
      return false;
    }
  },
  reset(key: string) {
    void limiter.delete(key);
  },
};
