import { randomBytes } from "node:crypto";
import type { AuthConfig } from "@auth/core";
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import type { OIDCConfig } from "@auth/core/providers";
import { z } from "zod";
import { authConfig } from "@/auth.config";
import { createAuthSession, deleteAuthSession } from "@/db/queries/users";
import { verifySignIn } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/http/origin";
import { oidcProviders, type Env } from "@/lib/sso/config";
import { idTokenSignatureValid } from "@/lib/sso/id-token";
import { resolveSsoSignIn } from "@/lib/sso/sign-in";
import { groupsFromClaim } from "@/lib/sso/groups";
import { log, maskAddresses } from "@/lib/log";

/**
 * Providers and callbacks of Auth.js, without next-auth itself: auth.ts hands
 * them to NextAuth, and the integration tests to @auth/core's Auth() with a real
 * OpenID provider (next-auth cannot be loaded outside Next.js).
 */

/** The code carries the waiting time to the login form: "rate_limited:<minutes>". */
class TooManyAttempts extends CredentialsSignin {
  constructor(retryMs: number) {
    super();
    this.code = `rate_limited:${Math.max(1, Math.ceil(retryMs / 60_000))}`;
  }
}

/** The password was right, but a municipality of the person allows only single sign-on. */
class SsoRequired extends CredentialsSignin {
  code = "sso_required";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

type OidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

const SESSION_SECONDS = authConfig.session.maxAge;

export function authOptions(env: Env = process.env) {
  const sso = oidcProviders(env);
  const oidc = sso.map(
    (p): OIDCConfig<OidcClaims> => ({
      id: p.id,
      name: p.name,
      type: "oidc",
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      // Auth.js checks the ID token's signature, issuer, audience, expiry and these (oauth4webapi).
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? claims.preferred_username ?? null }),
    }),
  );
  return {
    ...authConfig,
    // Auth.js would print an ID token's claims (names, e-mail addresses) with its errors: only the kind of error goes to the log.
    logger: {
      error: (error: Error) => {
        // The cause's message names the failed check (e.g. 'unexpected ID Token "nonce" claim value'), its details the claims.
        const cause = (error.cause as { err?: unknown } | undefined)?.err;
        const detail = cause instanceof Error ? maskAddresses(cause.message.split("\n")[0] ?? "").slice(0, 200) : undefined;
        log.error({ event: "auth.error", kind: (error as Error & { type?: string }).type ?? error.name, ...(detail ? { detail } : {}) }, "Auth.js meldet einen Fehler");
      },
      warn: (code: string) => log.warn({ event: "auth.warning", code }, "Auth.js warnt"),
      debug: () => {},
    },
    providers: [
      Credentials({
        credentials: { email: { label: "E-Mail" }, password: { label: "Passwort", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await verifySignIn({ ...parsed.data, ip: clientIp(request.headers) });
          if (result.ok) return result.user;
          if (result.reason === "rate_limited") throw new TooManyAttempts(result.retryMs);
          if (result.reason === "sso_required") throw new SsoRequired();
          return null;
        },
      }),
      ...oidc,
    ],
    events: {
      // Auth.js's own sign-out (POST /api/auth/signout) only clears the cookie; the session row must go too,
      // or a copy of the cookie would still be accepted.
      async signOut(message) {
        const sessionId = "token" in message ? message.token?.sid : undefined;
        if (sessionId) await deleteAuthSession({ sessionId });
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.type !== "oidc") return true;
        const provider = sso.find((p) => p.id === account.provider);
        const claims = profile as Partial<OidcClaims> | undefined;
        if (!provider || !claims?.sub) return false;
        if (!account.id_token || !(await idTokenSignatureValid(account.id_token, provider.issuer))) return false;
        const result = await resolveSsoSignIn({
          issuer: provider.issuer,
          subject: claims.sub,
          email: claims.email,
          emailVerified: claims.email_verified,
          name: claims.name ?? claims.preferred_username,
          groups: groupsFromClaim((claims as Record<string, unknown>)[provider.groupsClaim]),
        });
        // Refused: back to the login page, which explains why (never the provider's subject or claims).
        if (!result.ok) return `/login?sso=${result.reason}`;
        // The app's user, not the provider's subject, goes into the session.
        user.id = result.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user?.id) {
          // A server-side session row per sign-in: sign-out or removal deletes it, and the cookie is worthless.
          const sid = randomBytes(24).toString("base64url");
          await createAuthSession({ id: sid, userId: user.id, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000) });
          token.sid = sid;
          token.sub = user.id;
          token.sso = account?.type === "oidc" ? account.provider : undefined;
        }
        return token;
      },
      async session({ session, token }) {
        session.sessionId = token.sid;
        session.sso = token.sso;
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  } satisfies AuthConfig;
}
