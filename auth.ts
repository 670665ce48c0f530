import { randomBytes } from "node:crypto";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth.config";
import { createAuthSession, deleteAuthSession, getUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { loginLimiter } from "@/lib/auth/rate-limit";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
    user: { id: string } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

const SESSION_SECONDS = authConfig.session.maxAge;

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "E-Mail" }, password: { label: "Passwort", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        if (!(await loginLimiter.allow(email))) throw new TooManyAttempts();
        const user = await getUserByEmail({ email });
        // Verify even without a user, so the answer takes as long as for a wrong password.
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !ok) return null;
        loginLimiter.reset(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
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
    async jwt({ token, user }) {
      if (user?.id) {
        // A server-side session row per sign-in: sign-out or removal deletes it, and the cookie is worthless.
        const sid = randomBytes(24).toString("base64url");
        await createAuthSession({ id: sid, userId: user.id, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000) });
        token.sid = sid;
      }
      return token;
    },
    async session({ session, token }) {
      session.sessionId = token.sid;
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

// argon2id hash of a random string, used to spend the same time on unknown e-mail addresses.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Ht0tN7kZC2hQ3B8m1UzX8Xy7bYqO2r7yJcF6d3hJ5w";
