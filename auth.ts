import NextAuth, { type DefaultSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { configuredOrigin, listeningOrigin } from "@/lib/http/origin";
import { ssoConfigured } from "@/lib/sso/config";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
    /** the single sign-on provider (e.g. "oidc-1") this session came from, for its end-session link */
    sso?: string;
    user: { id: string } & DefaultSession["user"];
  }
}

declare module "@auth/core/types" {
  interface Session {
    sessionId?: string;
    sso?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    sso?: string;
  }
}

// The redirect URI registered at a single sign-on provider is APP_URL/api/auth/callback/oidc-N:
// Auth.js builds it from AUTH_URL, not from the request's headers (Next.js's X-Forwarded-Host may name another host).
if (ssoConfigured() && !process.env.AUTH_URL) process.env.AUTH_URL = configuredOrigin() ?? listeningOrigin();

export const { handlers, auth, signIn, signOut } = NextAuth(authOptions());
