import { randomBytes } from "node:crypto";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth.config";
import { createAuthSession, deleteAuthSession } from "@/db/queries/users";
import { verifySignIn } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/http/origin";

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

/** The code carries the waiting time to the login form: "rate_limited:<minutes>". */
class TooManyAttempts extends CredentialsSignin {
  constructor(retryMs: number) {
    super();
    this.code = `rate_limited:${Math.max(1, Math.ceil(retryMs / 60_000))}`;
  }
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
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifySignIn({ ...parsed.data, ip: clientIp(request.headers) });
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new TooManyAttempts(result.retryMs);
        return null;
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
